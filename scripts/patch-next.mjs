/**
 * Run after every install (package.json "postinstall"): one fix to the installed
 * Next.js, until Next.js makes it itself.
 *
 * IncrementalCache.set() measures every entry with JSON.stringify(entry).length before
 * storing it, although only data-cache (fetch) entries have a size limit. For a page the
 * entry holds its Flight payload as a Buffer, which JSON turns into an array of numbers:
 * about 0.7 MB of garbage and 3 ms of CPU on every page render (npm run bench, profiled).
 * The fix measures only the entries that have the limit. scripts/patch-next.test.ts fails
 * when an upgraded Next.js no longer matches, so that this file is looked at again.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "next", "dist");

/** The compiled runtimes (minified) and the plain server sources. */
export const PATCHES = [
  {
    dir: path.join(root, "compiled", "next-server"),
    from: /let (\w+)=JSON\.stringify\((\w+)\)\.length;if\((\w+)\.fetchCache&&\1>2097152/g,
    to: "let $1=$3.fetchCache?JSON.stringify($2).length:0;if($3.fetchCache&&$1>2097152",
    done: /let \w+=\w+\.fetchCache\?JSON\.stringify\(\w+\)\.length:0;/,
  },
  ...["server", path.join("esm", "server")].map((dir) => ({
    dir: path.join(root, dir, "lib", "incremental-cache"),
    from: /const itemSize = JSON\.stringify\(data\)\.length;/g,
    to: "const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;",
    done: /const itemSize = ctx\.fetchCache \? JSON\.stringify\(data\)\.length : 0;/,
  })),
];

/** Applies the fix; returns how many files it changed and how many already had it. */
function patchNext() {
  let patched = 0;
  let already = 0;
  for (const { dir, from, to, done } of PATCHES) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".js"))) {
      const file = path.join(dir, name);
      const source = fs.readFileSync(file, "utf8");
      const next = source.replace(from, to);
      if (next !== source) {
        fs.writeFileSync(file, next);
        patched++;
      } else if (done.test(source)) already++;
    }
  }
  return { patched, already };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { patched, already } = patchNext();
  if (patched + already === 0) console.warn("[patch-next] the IncrementalCache.set fix found nothing to change: see scripts/patch-next.mjs");
  else console.log(`[patch-next] IncrementalCache.set measures only data-cache entries (${patched} files patched, ${already} already)`);
}
