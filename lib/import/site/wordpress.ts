import { zoneOffset } from "@/lib/format/zone";
import type { ImportItem, SourceEntry } from "./item";
import { readWxr, type RawItem, type WxrChannel } from "./wxr-reader";

/**
 * `npm run import -- wordpress <export.xml>`: WordPress posts (and pages, when asked)
 * as import items. The file is read twice, both times streamed (./wxr-reader.ts): first
 * for the site's address, categories, authors and the attachments (a post's files and
 * featured image are items of their own, anywhere in the file), then for the posts.
 */
export interface WordPressOptions {
  pages: boolean;
  /** The site's time zone, for wp:post_date when the export has no GMT date (drafts). */
  timeZone: string;
}

interface AttachmentInfo {
  url: string;
  parent: string;
  title: string;
}

/** The export's attachments by their own id (featured images) and by the post they belong to. */
export interface Attachments {
  byId: Map<string, AttachmentInfo>;
  byParent: Map<string, AttachmentInfo[]>;
}

export interface WordPressSource {
  channel: WxrChannel;
  /** The site's address as the export names it: trusted for fetching its files. */
  siteUrl: string;
  entries: AsyncIterable<SourceEntry>;
  /** Posts (and pages) in the file, for the progress bar. */
  total: number;
}

const PICTURE = /\.(jpe?g|png|gif|webp|avif|tiff?|bmp)$/i;
const SHORTCODE = /\[\/?(?:caption|wp_caption|gallery|embed|video|audio|playlist)(?:\s[^\]]*)?\]/gi;

/** "2023-07-30 18:04:25" as the site's wall time, or GMT; null for WordPress's zero date. */
export function wordPressDate(gmt: string | undefined, local: string | undefined, timeZone: string): Date | null {
  const valid = (s: string | undefined) => !!s && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(s.trim()) && !s.startsWith("0000");
  if (valid(gmt)) return new Date(`${gmt!.trim().replace(" ", "T")}Z`);
  if (!valid(local)) return null;
  const wall = local!.trim().replace(" ", "T");
  // The offset of that moment in the zone (summer time included where the zone has it).
  const guess = new Date(`${wall}Z`);
  const date = new Date(`${wall}${zoneOffset(guess, timeZone)}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const plain = (html: string) => html.replace(/<[^>]*>/g, "").replace(/&nbsp;/g, " ").replace(/\s+/g, " ").trim();

/** One post or page as an import item; null for what is not imported (attachments, menus, trash, revisions). */
export function itemFromWordPress(raw: RawItem, channel: WxrChannel, attachments: Attachments, options: WordPressOptions): ImportItem | null {
  const f = raw.fields;
  const type = (f["wp:post_type"] ?? "").trim();
  if (type !== "post" && !(type === "page" && options.pages)) return null;
  const status = (f["wp:status"] ?? "").trim();
  if (!["publish", "draft", "pending", "future", "private"].includes(status)) return null;
  const id = (f["wp:post_id"] ?? "").trim();
  const files = (attachments.byParent.get(id) ?? []).filter((a) => !PICTURE.test(a.url));
  const thumbnail = raw.meta._thumbnail_id ? attachments.byId.get(raw.meta._thumbnail_id.trim()) : undefined;
  const creator = (f["dc:creator"] ?? "").trim();
  return {
    key: `${type}:${id || f.link}`,
    oldUrl: (f.link ?? "").trim(),
    otherUrls: [],
    title: plain(f.title ?? ""),
    bodyHtml: (f["content:encoded"] ?? "").replace(SHORTCODE, ""),
    publishedAt: wordPressDate(f["wp:post_date_gmt"], f["wp:post_date"], options.timeZone),
    author: channel.authors.get(creator) ?? creator,
    source: "",
    summary: plain(f["excerpt:encoded"] ?? ""),
    categories: raw.categories.filter((c) => c.domain === "category").map((c) => c.nicename || c.name),
    status: status === "publish" ? "publish" : "draft",
    attachmentUrls: files.map((a) => ({ url: a.url, name: a.title })),
    coverUrl: thumbnail?.url ?? null,
  };
}

export async function openWordPressExport(file: string, options: WordPressOptions): Promise<WordPressSource> {
  const channel: WxrChannel = { siteUrl: "", categories: new Map(), authors: new Map() };
  const attachments: Attachments = { byId: new Map(), byParent: new Map() };
  const early: SourceEntry[] = [];
  let total = 0;
  for await (const entry of readWxr(file, channel)) {
    if ("raw" in entry) {
      const f = entry.raw.fields;
      const type = f["wp:post_type"]?.trim();
      if (type === "post" || (type === "page" && options.pages)) total++;
      if (f["wp:post_type"]?.trim() === "attachment" && f["wp:attachment_url"]) {
        const info = { url: f["wp:attachment_url"].trim(), parent: f["wp:post_parent"]?.trim() ?? "0", title: plain(f.title ?? "") };
        attachments.byId.set(f["wp:post_id"]?.trim() ?? "", info);
        attachments.byParent.set(info.parent, [...(attachments.byParent.get(info.parent) ?? []), info]);
      }
    } else if (early.length < 100) early.push(entry);
  }
  async function* entries(): AsyncGenerator<SourceEntry> {
    // The first pass's reading problems, once; the second pass's are the same and are not repeated.
    yield* early;
    for await (const entry of readWxr(file, { siteUrl: "", categories: new Map(), authors: new Map() })) {
      if (!("raw" in entry)) continue;
      const item = itemFromWordPress(entry.raw, channel, attachments, options);
      if (item) yield { item };
    }
  }
  return { channel, siteUrl: channel.siteUrl, entries: entries(), total };
}
