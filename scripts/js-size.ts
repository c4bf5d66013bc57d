/** npm run js-size [-- <distDir>]: the article page's first-load JavaScript, from the build. */
import { firstLoadJs } from "../lib/bench/js-size";

const distDir = process.argv[2] || process.env.NEXT_DIST_DIR || ".next";
const BUDGET = 100 * 1024;
const size = firstLoadJs(distDir, "(site)/articles/[id]/page");
for (const f of size.files) console.log(`  ${f.file.padEnd(44)} ${(f.bytes / 1024).toFixed(1).padStart(7)} KB  ${(f.gzip / 1024).toFixed(1).padStart(6)} KB gz`);
console.log(`article page first-load JS: ${(size.totalGzip / 1024).toFixed(1)} KB gzipped (${(size.totalBytes / 1024).toFixed(1)} KB raw); budget ${BUDGET / 1024} KB`);
process.exit(size.totalGzip <= BUDGET ? 0 : 1);
