/**
 * npm run js-size [-- <distDir>]: the article page's first-load JavaScript, from the
 * build — the scripts of an article page in the build's page cache (what readers get;
 * it is there once the built server has served any article, e.g. after `npm run bench`
 * or a visit), with the files they load read from the build. Exits 1 over budget.
 */
import { cachedArticlePage, pageScripts } from "../lib/bench/js-size";

const distDir = process.argv[2] || process.env.NEXT_DIST_DIR || ".next";
const BUDGET = 100 * 1024;
const page = cachedArticlePage(distDir);
if (!page) {
  console.error(`No article page in ${distDir}'s page cache yet: start the built server (npm start) and open any article, or run npm run bench.`);
  process.exit(2);
}
const size = pageScripts(page.html, distDir);
console.log(`from ${page.file}:`);
for (const f of size.files) console.log(`  ${f.file.padEnd(44)} ${(f.bytes / 1024).toFixed(1).padStart(7)} KB  ${(f.gzip / 1024).toFixed(1).padStart(6)} KB gz`);
console.log(`article page first-load JS: ${(size.totalGzip / 1024).toFixed(1)} KB gzipped (${(size.totalBytes / 1024).toFixed(1)} KB raw); budget ${BUDGET / 1024} KB`);
process.exit(size.totalGzip <= BUDGET ? 0 : 1);
