/**
 * npm run js-size [-- <distDir>]: the article page's first-load JavaScript — the scripts
 * of an article page as readers get it (from the static snapshot, which the built server
 * writes on publish, or `npm run static:export`), with the files they load read from the
 * build. Exits 1 over budget.
 */
import { snapshotArticlePage, pageScripts } from "../lib/bench/js-size";
import { staticRoot } from "../lib/static/snapshot";

const distDir = process.argv[2] || process.env.NEXT_DIST_DIR || ".next";
const BUDGET = 100 * 1024;
const page = snapshotArticlePage(staticRoot());
if (!page) {
  console.error(`No article page in ${staticRoot()} yet: publish an article with the built server running (npm start), or run npm run static:export.`);
  process.exit(2);
}
const size = pageScripts(page.html, distDir);
console.log(`from ${page.file}:`);
for (const f of size.files) console.log(`  ${f.file.padEnd(44)} ${(f.bytes / 1024).toFixed(1).padStart(7)} KB  ${(f.gzip / 1024).toFixed(1).padStart(6)} KB gz`);
console.log(`article page first-load JS: ${(size.totalGzip / 1024).toFixed(1)} KB gzipped (${(size.totalBytes / 1024).toFixed(1)} KB raw); budget ${BUDGET / 1024} KB`);
process.exit(size.totalGzip <= BUDGET ? 0 : 1);
