import fs from "node:fs";
import path from "node:path";
import { parseAllowList } from "@/lib/net/address-policy";
import { safeFetch } from "@/lib/net/safe-fetch";
import { failureReason } from "@/lib/media/fetch-failure";
import { fill } from "@/lib/i18n/fill";
import type { ImportItem, SourceEntry } from "../item";
import { importText } from "../text";
import { extractPage, extractWithAnyPreset, type Extraction } from "./extract";
import type { PageSelectors } from "./presets";

/**
 * `npm run import -- html <folder-or-url-list>`: the pages of a static site, from a
 * folder (a copy of the site: every .html/.htm/.shtml file under it, the old address
 * being `--base-url` + its path there) or from a text file of addresses (one a line,
 * fetched from the old site, whose hosts the administrator trusts). Pages are read one
 * at a time. Every page goes to `--column`; its pictures and attachments are read from
 * the folder when they are in it (./assets.ts), else from the old site.
 */
export interface HtmlSourceOptions {
  input: string;
  /** The old site's address: where the folder's files lived. */
  baseUrl: string | null;
  /** null: whichever preset fits each page. */
  selectors: PageSelectors | null;
  column: string;
  status: "publish" | "draft";
  timeZone: string;
}

export interface HtmlSource {
  /** What identifies the old site for the import record. */
  sourceId: string;
  origins: string[];
  /** For a folder: the folder, standing for the site's root. */
  folder: string | null;
  entries: AsyncIterable<SourceEntry>;
  /** Pages to read, for the progress bar. */
  total: number;
}

const PAGE = /\.(s?html?)$/i;
const MAX_PAGE_BYTES = 5 * 1024 * 1024;

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await fs.promises.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && PAGE.test(entry.name)) yield full;
  }
}

/** Pages are often GBK: the charset the page declares, else UTF-8. */
export function decodePage(bytes: Uint8Array, contentType = ""): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(/^gb2312$/i.test(declared) ? "gbk" : declared).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

export interface PageText {
  url: string;
  html?: string;
  problem?: string;
}

/** Every page of the input, one at a time, as an address and its HTML (or why it could not be read). */
export async function* readPages(options: Pick<HtmlSourceOptions, "input" | "baseUrl">): AsyncGenerator<PageText> {
  const stat = await fs.promises.stat(options.input);
  if (stat.isDirectory()) {
    const base = (options.baseUrl ?? "http://old-site.invalid").replace(/\/+$/, "");
    for await (const file of walk(options.input)) {
      const relative = path.relative(options.input, file).split(path.sep).map(encodeURIComponent).join("/");
      const bytes = await fs.promises.readFile(file);
      yield bytes.length > MAX_PAGE_BYTES ? { url: `${base}/${relative}`, problem: importText.problems.tooLarge } : { url: `${base}/${relative}`, html: decodePage(bytes) };
    }
    return;
  }
  const urls = (await fs.promises.readFile(options.input, "utf8")).split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const allow = parseAllowList(urls.flatMap((u) => (URL.canParse(u) ? [new URL(u).hostname] : [])));
  for (const url of urls) {
    const fetched = await safeFetch(url, { allow, maxBytes: MAX_PAGE_BYTES, timeoutMs: 20_000, accept: "text/html,*/*;q=0.5" });
    if (!fetched.ok) yield { url, problem: fill(importText.problems.unreadablePage, { reason: failureReason(fetched) }) };
    else yield { url: fetched.url, html: decodePage(new Uint8Array(fetched.bytes), fetched.contentType) };
  }
}

export function extract(page: { url: string; html: string }, selectors: PageSelectors | null, timeZone: string): Extraction {
  return selectors ? extractPage(page.html, page.url, selectors, timeZone) : extractWithAnyPreset(page.html, page.url, timeZone);
}

export async function openHtmlSite(options: HtmlSourceOptions): Promise<HtmlSource> {
  const folder = (await fs.promises.stat(options.input)).isDirectory() ? path.resolve(options.input) : null;
  let origins: string[] = [];
  let total = 0;
  if (folder) {
    origins = options.baseUrl ? [new URL(options.baseUrl).origin] : [];
    for await (const _ of walk(folder)) total++;
  } else {
    const lines = (await fs.promises.readFile(options.input, "utf8")).split(/\r?\n/).filter((l) => URL.canParse(l.trim()));
    origins = [...new Set(lines.map((l) => new URL(l.trim()).origin))];
    total = lines.length;
  }
  async function* entries(): AsyncGenerator<SourceEntry> {
    for await (const page of readPages(options)) {
      if (!page.html) {
        yield { problem: page.problem ?? "", item: page.url };
        continue;
      }
      const result = extract({ url: page.url, html: page.html }, options.selectors, options.timeZone);
      if (!result.ok) {
        yield { problem: result.problem, item: page.url };
        continue;
      }
      const item: ImportItem = {
        key: page.url,
        oldUrl: page.url,
        otherUrls: [],
        title: result.page.title,
        bodyHtml: result.page.bodyHtml,
        publishedAt: result.page.publishedAt,
        author: result.page.author,
        source: result.page.source,
        summary: "",
        categories: [],
        status: options.status,
        attachmentUrls: [],
        coverUrl: null,
      };
      yield { item };
    }
  }
  return { sourceId: `html:${options.baseUrl ? new URL(options.baseUrl).origin : (folder ?? origins[0] ?? options.input)}`, origins, folder, entries: entries(), total };
}
