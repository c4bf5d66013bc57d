import crypto from "node:crypto";
import { prepareContent } from "@/lib/articles/content";
import { articleContentSchema } from "@/lib/articles/schema";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { EVERYTHING, refreshPaths } from "@/lib/cache/refresh";
import { TAGS } from "@/lib/cache/tags";
import { fill } from "@/lib/i18n/fill";
import { writeNginxRedirects } from "@/lib/redirects/nginx";
import { enqueueStaticPages, pagesBehind } from "@/lib/static/queue";
import type { AssetReader } from "./assets";
import { describeAssetProblem } from "./assets";
import { bodyToRichText, findBodyRefs, type StoredPicture } from "./body";
import type { ColumnResolver } from "./columns";
import { isProblem, type ImportItem, type SourceEntry } from "./item";
import { ItemMedia } from "./media";
import { oldPathKey } from "./old-path";
import { emptyReport, type ImportReport } from "./report";
import { ImportBatch } from "./batch";
import { alreadyImported, importedBefore, storeImportedItem } from "./store";
import { importText } from "./text";

/**
 * The import pipeline, the same for every source: each item read by the source (an
 * async iterable, so a 10,000-post export is never held whole) → its column → its
 * pictures and attachments stored (./media.ts) → its body through the paste's cleanup
 * (./body.ts) → the article written: a new item in a batch of new items, one
 * transaction per batch through the bulk path (./batch.ts, ./bulk-store.ts); a changed
 * one as its next version, in a transaction of its own (./store.ts). An item already
 * imported with the same content is skipped, so a stopped run resumes where it was and a
 * re-run only updates what changed. One bad item is reported and the run goes on; its
 * files are removed. At the end: one audit entry for the whole run, the public pages
 * refreshed on every instance, and the nginx redirect file rewritten.
 */
export interface ImportActor {
  id: number;
  email: string;
  role: "ADMIN";
  columnIds: number[];
}

export interface RunOptions {
  kind: "wordpress" | "html";
  /** Identifies the old site: the item keys are unique within it. */
  source: string;
  /** What the person ran the import on (file, folder or list), for the audit entry. */
  input: string;
  actor: ImportActor;
  asDrafts: boolean;
  dryRun: boolean;
  assets: AssetReader;
  columns: ColumnResolver;
  /** Items worked on at once (files are fetched and pictures encoded meanwhile). */
  concurrency?: number;
  /** New items written per transaction (default 200). */
  batchSize?: number;
  onItem?: (done: number) => void;
  /** Set by the CLI on Ctrl-C: no new item is started; the ones under way and the batch they fill are written. */
  stopped?: () => boolean;
}

const P = importText.problems;
const MAX_ATTACHMENTS = 30;

function hashOf(item: ImportItem, publish: boolean): string {
  return crypto.createHash("sha256").update(JSON.stringify([item, publish])).digest("hex");
}

function label(item: ImportItem): string {
  // No NUL: the report ends up in the audit entry's jsonb, which cannot hold one.
  return `${item.title || "（无标题）"} <${item.oldUrl || item.key}>`.replaceAll("\0", "");
}

const clip = (s: string, max: number) => [...s.trim()].slice(0, max).join("");

async function importOne(item: ImportItem, options: RunOptions, report: ImportReport, batch: ImportBatch): Promise<void> {
  const publish = item.status === "publish" && !options.asDrafts;
  const note = (problem: string, failed = false) => report.problems.push({ item: label(item), problem, failed });
  const hash = hashOf(item, publish);
  if (await alreadyImported(options.source, item.key, hash)) {
    report.skipped++;
    return;
  }
  if (!item.title.trim()) return void (report.failed++, note(P.noTitle, true));
  const placed = await options.columns.place(item.categories);
  if (!placed.ok) return void (report.failed++, note(placed.reason, true));
  placed.notes.forEach((n) => note(n));

  const refs = findBodyRefs(item.bodyHtml, item.oldUrl || options.source);
  const media = new ItemMedia(options.actor.id);
  try {
    const pictures = new Map<string, StoredPicture>();
    const files = new Map<string, string>();
    const attachments: { mediaId: number; name: string }[] = [];
    let coverId: number | null = null;
    if (!options.dryRun) {
      for (const url of refs.pictures) {
        const read = await options.assets.read(url, "image");
        const stored = read.ok ? await media.image(read.bytes, read.name) : read;
        if (stored.ok) pictures.set(url, { id: stored.id, src: stored.src, srcset: stored.srcset });
        else note(describeAssetProblem("image", url, stored.reason));
      }
      if (item.coverUrl) {
        const read = await options.assets.read(item.coverUrl, "image");
        const stored = read.ok ? await media.image(read.bytes, read.name, item.title) : read;
        if (stored.ok) coverId = stored.id;
        else note(describeAssetProblem("image", item.coverUrl, stored.reason));
      }
      const wanted = [...refs.attachments, ...item.attachmentUrls.filter((a) => !refs.attachments.some((r) => r.url === a.url))];
      for (const { url, name } of wanted.slice(0, MAX_ATTACHMENTS)) {
        const read = await options.assets.read(url, "attachment");
        const stored = read.ok ? await media.attachment(read.bytes, read.name) : read;
        if (!stored.ok) {
          note(describeAssetProblem("attachment", url, stored.reason));
          continue;
        }
        files.set(url, stored.href);
        if (!attachments.some((a) => a.mediaId === stored.id)) attachments.push({ mediaId: stored.id, name: clip(name || stored.name, 200) || stored.name });
      }
    }
    const body = bodyToRichText(refs, pictures, files);
    if (!body.text.trim() && pictures.size === 0 && !options.dryRun) throw new Error(P.noBody);
    const parsed = articleContentSchema.safeParse({
      title: clip(item.title, 200),
      columnId: placed.columnId,
      author: clip(item.author, 100),
      source: clip(item.source, 100),
      summary: clip(item.summary, 500),
      bodyJson: body.doc,
      coverId,
      publishedAt: item.publishedAt,
      attachments,
    });
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(" "));
    const redirects = [item.oldUrl, ...item.otherUrls].flatMap((url) => {
      const path = oldPathKey(url);
      return path ? [{ path, oldUrl: url }] : [];
    });
    if (options.dryRun) {
      report[(await importedBefore(options.source, item.key)) ? "updated" : "imported"]++;
      return;
    }
    const input = { source: options.source, key: item.key, oldUrl: item.oldUrl, contentHash: hash, content: parsed.data, publish, redirects, note: fill("导入自 {url}", { url: clip(item.oldUrl || item.key, 300) }) };
    const counts = { pictures: pictures.size + (coverId ? 1 : 0), attachments: attachments.length, redirects: redirects.length };
    // The same key twice in one source: the first must be written before the second is judged.
    await batch.settle(item.key);
    if (await importedBefore(options.source, item.key)) {
      const stored = await storeImportedItem(input, options.actor);
      report[stored.outcome]++;
      batch.count(counts);
    } else {
      // Checked now (column, cover, attachments), so that one bad item seldom fails a batch.
      const prepared = await prepareContent(db(), parsed.data, options.actor);
      await batch.add({ item: { input, prepared }, label: label(item), media, counts });
    }
  } catch (error) {
    await media.discard();
    report.failed++;
    note(fill(P.failed, { message: (error as Error).message.split("\n")[0].slice(0, 300) }), true);
  }
}

export async function runImport(entries: AsyncIterable<SourceEntry>, options: RunOptions): Promise<ImportReport> {
  const report = emptyReport(options.source, options.dryRun);
  const batch = new ImportBatch(options.batchSize ?? 200, options.actor.id, report);
  const iterator = entries[Symbol.asyncIterator]();
  let done = 0;
  let reading: Promise<void> = Promise.resolve();
  /** The source is read by one worker at a time; the items themselves in parallel. */
  const next = async (): Promise<SourceEntry | null> => {
    const turn = reading.then(() => iterator.next());
    reading = turn.then(
      () => undefined,
      () => undefined,
    );
    const result = await turn;
    return result.done ? null : result.value;
  };
  const worker = async () => {
    for (;;) {
      if (options.stopped?.()) return;
      const entry = await next();
      if (!entry) return;
      if (isProblem(entry)) {
        report.failed++;
        report.problems.push({ item: entry.item, problem: entry.problem, failed: true });
      } else {
        try {
          await importOne(entry.item, options, report, batch);
        } catch (error) {
          report.failed++;
          report.problems.push({ item: label(entry.item), problem: fill(P.failed, { message: (error as Error).message.slice(0, 300) }), failed: true });
        }
      }
      options.onItem?.(++done);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  } finally {
    // Also after Ctrl-C: the items read so far are written.
    await batch.finish();
    report.columnsCreated = [...options.columns.created];
    if (!options.dryRun) await finishRun(report, options);
  }
  return report;
}

/** One audit entry for the run, the site refreshed everywhere, the nginx redirects rewritten. */
async function finishRun(report: ImportReport, options: RunOptions): Promise<void> {
  const { problems, ...counts } = report;
  await audit({
    actorId: options.actor.id,
    actorLabel: options.actor.email,
    action: "import.site",
    targetType: "import",
    targetId: options.source.slice(0, 200),
    detail: { kind: options.kind, input: options.input.slice(0, 500), asDrafts: options.asDrafts, ...counts, problems: problems.length, failures: problems.filter((p) => p.failed).slice(0, 50) },
  });
  const change = { paths: [...EVERYTHING.paths], tags: [...EVERYTHING.tags, TAGS.redirects] };
  await refreshPaths(change.paths, change.tags);
  // refreshPaths queues the pages behind the change in the background; this process is
  // about to exit, so it waits for that here (the instances then write them).
  await enqueueStaticPages(await pagesBehind(change.paths, change.tags));
  await writeNginxRedirects();
}
