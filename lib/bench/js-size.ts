import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/**
 * First-load JavaScript of a page as the build serves it: every script the HTML
 * runs — external files read from the build (/_next/static/* from the dist folder,
 * anything else from public/) and inline scripts — gzipped as a server would send
 * them. Data scripts (JSON-LD) do not run and are not counted.
 */
export interface JsSize {
  files: { file: string; bytes: number; gzip: number }[];
  totalBytes: number;
  totalGzip: number;
}

const SRC = /\ssrc="([^"]+)"/i;
/** A <script> element: [whole, attributes, body]. */
const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
/** A script element that holds data (JSON-LD, JSON) and never runs. */
const isDataScript = (attributes: string) => /\stype="(?!text\/javascript|module|application\/javascript)[^"]*"/i.test(attributes);

export function pageScripts(html: string, distDir: string, publicDir = "public"): JsSize {
  const sources: { file: string; data: Buffer }[] = [];
  let inline = 0;
  for (const [, attributes, body] of html.matchAll(SCRIPT_TAG)) {
    if (isDataScript(attributes)) continue;
    const src = SRC.exec(attributes)?.[1];
    if (!src) {
      sources.push({ file: `(inline script ${++inline})`, data: Buffer.from(body, "utf8") });
      continue;
    }
    const pathname = new URL(src, "http://build.invalid").pathname;
    const file = pathname.startsWith("/_next/") ? path.join(distDir, pathname.slice("/_next/".length)) : path.join(publicDir, pathname);
    sources.push({ file: pathname, data: fs.readFileSync(file) });
  }
  const files = sources.map(({ file, data }) => ({ file, bytes: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length }));
  return { files, totalBytes: files.reduce((sum, f) => sum + f.bytes, 0), totalGzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}

/**
 * An article page of the static snapshot (静态发布, $DATA_DIR/static/articles/<id>/index.html):
 * exactly the HTML readers get, written by the built server. Null until an article has
 * been published by, or exported with (npm run static:export), this installation.
 */
export function snapshotArticlePage(staticDir: string): { file: string; html: string } | null {
  const dir = path.join(staticDir, "articles");
  if (!fs.existsSync(dir)) return null;
  for (const id of fs.readdirSync(dir).filter((name) => /^\d+$/.test(name))) {
    const file = path.join(dir, id, "index.html");
    if (fs.existsSync(file)) return { file, html: fs.readFileSync(file, "utf8") };
  }
  return null;
}
