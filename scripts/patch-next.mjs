/**
 * Run after every install (package.json "postinstall"): two fixes to the installed
 * Next.js, each worth milliseconds on every uncached page render (npm run bench,
 * profiled), until Next.js makes them itself. scripts/patch-next.test.ts fails when an
 * upgraded Next.js no longer matches, so that this file is looked at again.
 *
 * 1. IncrementalCache.set() measures every entry with JSON.stringify(entry).length before
 *    storing it, although only data-cache (fetch) entries have a size limit. For a page
 *    the entry holds its Flight payload as a Buffer, which JSON turns into an array of
 *    numbers: about 0.7 MB of garbage and 3 ms of CPU per render. The fix measures only
 *    the entries that have the limit.
 * 2. After every render of a cached page, Next.js decodes the page's Flight payload and
 *    encodes it again once per route segment, for its client router's prefetches. Every
 *    page rendered into the cache at run time here is a public reading page (the admin
 *    is dynamic), and those are served as plain HTML without the client router
 *    (lib/security/plain-html.mjs): nothing ever asks for their segments. The fix keeps
 *    the segments of pages prerendered by the build and skips them at run time: 1.5 ms
 *    at p50 and 5 ms at p95 of an uncached article render at 100,000 articles. (A
 *    request for a segment that was not kept is answered by a normal render.)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "next", "dist");
const compiled = path.join(root, "compiled", "next-server");
const appRender = ["server", path.join("esm", "server")].map((dir) => path.join(root, dir, "app-render"));

/** The compiled runtimes (minified) and the plain server sources. */
export const PATCHES = [
  {
    fix: "IncrementalCache.set measures only data-cache entries",
    dir: compiled,
    from: /let (\w+)=JSON\.stringify\((\w+)\)\.length;if\((\w+)\.fetchCache&&\1>2097152/g,
    to: "let $1=$3.fetchCache?JSON.stringify($2).length:0;if($3.fetchCache&&$1>2097152",
    done: /let \w+=\w+\.fetchCache\?JSON\.stringify\(\w+\)\.length:0;/,
  },
  ...["server", path.join("esm", "server")].map((dir) => ({
    fix: "IncrementalCache.set measures only data-cache entries",
    dir: path.join(root, dir, "lib", "incremental-cache"),
    from: /const itemSize = JSON\.stringify\(data\)\.length;/g,
    to: "const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;",
    done: /const itemSize = ctx\.fetchCache \? JSON\.stringify\(data\)\.length : 0;/,
  })),
  {
    fix: "route segments for client prefetches are collected at build time only",
    dir: compiled,
    // collectSegmentData(fullPageDataBuffer, prerenderStore, ComponentMod, renderOpts, pagePath, metadata)
    from: /(async function \w+\(\w+,\w+,\w+,(\w+),\w+,\w+\)\{let \w+,\{clientModules:[^]{0,1500}?)(\w+\.segmentData=)(await \w+\.collectSegmentData\([^)]*\))\}/g,
    to: "$1$3$2.isBuildTimePrerendering?$4:void 0}",
    done: /\.segmentData=\w+\.isBuildTimePrerendering\?await \w+\.collectSegmentData\(/,
  },
  ...appRender.map((dir) => ({
    fix: "route segments for client prefetches are collected at build time only",
    dir,
    from: /metadata\.segmentData = (await ComponentMod\.collectSegmentData\([^;]*\));/g,
    to: "metadata.segmentData = renderOpts.isBuildTimePrerendering ? $1 : undefined;",
    done: /metadata\.segmentData = renderOpts\.isBuildTimePrerendering \? await ComponentMod\.collectSegmentData\(/,
  })),
];

/** Applies the fixes; returns, per fix, how many files it changed and how many already had it. */
function patchNext() {
  /** @type {Map<string, { patched: number, already: number }>} */
  const counts = new Map();
  for (const { fix, dir, from, to, done } of PATCHES) {
    const count = counts.get(fix) ?? { patched: 0, already: 0 };
    counts.set(fix, count);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".js"))) {
      const file = path.join(dir, name);
      const source = fs.readFileSync(file, "utf8");
      const next = source.replace(from, to);
      if (next !== source) {
        fs.writeFileSync(file, next);
        count.patched++;
      } else if (done.test(source)) count.already++;
    }
  }
  return counts;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [fix, { patched, already }] of patchNext()) {
    if (patched + already === 0) console.warn(`[patch-next] found nothing to change for "${fix}": see scripts/patch-next.mjs`);
    else console.log(`[patch-next] ${fix} (${patched} files patched, ${already} already)`);
  }
}
