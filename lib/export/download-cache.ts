import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { dataDir } from "@/lib/env";

/**
 * Rendered downloads (保存 as HTML or Word), kept as files under
 * $DATA_DIR/cache/downloads/<build>/<article>/<key>.<format>.
 *
 * A download embeds every picture of the article (base64 in the HTML, the bytes in the
 * Word file): rendering one costs far more than serving it, and anyone can ask for it
 * any number of times. Files rather than memory: they are several MB each, the heap is
 * small (256 MB), and every instance sharing DATA_DIR serves what any one rendered.
 *
 * The key is a hash of everything the file is made of (the live revision's content, the
 * publication date, corrections, attachments, the site's name and address), so a new
 * live revision, a correction or a renamed site makes a new key by itself: nothing has
 * to remember to drop the old file. The build is part of the path, because a new
 * version of the renderer makes different files from the same content.
 * Disk stays bounded: writing an article's file removes its older ones of that format,
 * a download of an article that is no longer public removes its folder, and a start of
 * the server removes the folders of other builds (pruneOtherBuilds).
 */
export interface CachedFile {
  body: ReadableStream<Uint8Array>;
  size: number;
}

let build: string | undefined;

/** This build's id (Next.js writes it into its output folder); "development" without one. */
function buildId(): string {
  if (build === undefined) {
    const distDir = process.env.NEXT_DIST_DIR || ".next";
    try {
      build = fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), distDir, "BUILD_ID"), "utf8").trim().replace(/[^\w-]/g, "") || "development";
    } catch {
      build = "development";
    }
  }
  return build;
}

function root(): string {
  return dataDir("cache", "downloads");
}

function articleDir(articleId: number): string {
  return path.join(root(), buildId(), String(articleId));
}

/** The cache key of a download: a hash of everything its file is made of. */
export function downloadKey(inputs: unknown): string {
  return crypto.createHash("sha256").update(JSON.stringify(inputs)).digest("base64url").slice(0, 32);
}

/** Renders of the same file under way in this process: the second asker waits for the first. */
const inFlight = new Map<string, Promise<Uint8Array>>();

/**
 * The file for (article, format, key): from the cache (streamed from disk, the heap
 * holds no copy), or rendered now with `render` and kept. Files are written under a
 * temporary name and renamed, so no reader (on this instance or another) ever sees half
 * a file; a file is opened before it is answered, so a newer one replacing it meanwhile
 * does not cut the answer short.
 */
export async function cachedDownload(articleId: number, format: string, key: string, render: () => Promise<Uint8Array>): Promise<CachedFile> {
  const dir = articleDir(articleId);
  const file = path.join(dir, `${key}.${format}`);
  const handle = await fs.promises.open(file, "r").catch(() => null);
  if (handle) {
    const { size } = await handle.stat();
    return { body: Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>, size };
  }
  let job = inFlight.get(file);
  if (!job) {
    job = (async () => {
      const body = await render();
      await fs.promises.mkdir(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
      await fs.promises.writeFile(tmp, body);
      await fs.promises.rename(tmp, file);
      await removeOlder(dir, format, path.basename(file));
      return body;
    })().finally(() => inFlight.delete(file));
    inFlight.set(file, job);
  }
  const body = await job;
  return { body: new Blob([body as BlobPart]).stream(), size: body.byteLength };
}

/** The article's other files of this format: made from content that is no longer live. */
async function removeOlder(dir: string, format: string, keep: string): Promise<void> {
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => name !== keep && name.endsWith(`.${format}`));
  await Promise.all(stale.map((name) => fs.promises.rm(path.join(dir, name), { force: true })));
}

/** An article that is no longer public keeps no files. */
export async function forgetDownloads(articleId: number): Promise<void> {
  await fs.promises.rm(articleDir(articleId), { recursive: true, force: true });
}

/** Files made by other builds (run on start): this build would render them differently. */
export async function pruneOtherBuilds(): Promise<void> {
  const current = buildId();
  const names = await fs.promises.readdir(root()).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name !== current).map((name) => fs.promises.rm(path.join(root(), name), { recursive: true, force: true })));
}
