/**
 * npm run generate:articles -- --articles 100000 [--seed 1] [--workers 2] [--batch 2000]
 *                              [--path copy|insert] [--no-search-index]
 *
 * Adds N realistic synthetic government articles (mostly published, some drafts, in
 * review, scheduled, withdrawn, or edited while live) for search and load tests, with
 * COPY in batches of one transaction each (lib/bulk/articles.ts) and a progress bar.
 * Stopped or crashed, it loses at most the batches under way; run it again to add more.
 *   --path insert       the older INSERT … unnest path, to compare against
 *   --no-search-index   leave the articles out of the search index: only to time the
 *                       load without it (search will not find them until --reindex)
 *   --reindex           write no articles: index every article for search again, in
 *                       batches (after a --no-search-index load, or to time the index)
 * Writes to DATABASE_URL when set, else to the embedded database under DATA_DIR —
 * which defaults to ./data-bench here, never ./data: fill the dev database only on
 * purpose (DATA_DIR=data npm run generate:articles -- --articles 500).
 */
import { parseArgs } from "node:util";
import { startProgress, type Progress } from "./lib/progress";
import { dataDirPath, prepareRuntime } from "./lib/runtime";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    workers: { type: "string", default: "2" },
    batch: { type: "string", default: "2000" },
    path: { type: "string", default: "copy" },
    "no-search-index": { type: "boolean", default: false },
    reindex: { type: "boolean", default: false },
  },
});
const number = (name: string, value: string, min: number, max: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`);
    process.exit(2);
  }
  return n;
};
const articles = number("articles", values.articles, 1, 10_000_000);
const seed = number("seed", values.seed, 0, 2 ** 31);
const workers = number("workers", values.workers, 1, 16);
const batchSize = number("batch", values.batch, 1, 20_000);
if (values.path !== "copy" && values.path !== "insert") {
  console.error(`--path must be copy or insert (got "${values.path}")`);
  process.exit(2);
}
const path = values.path;
const searchIndex = !values["no-search-index"];
if (!searchIndex && path === "insert") {
  console.error("--no-search-index needs --path copy (the insert path indexes through the triggers)");
  process.exit(2);
}

if (!process.env.DATABASE_URL) process.env.DATA_DIR ||= "data-bench";
const log = (m: string) => console.log(`[generate] ${m}`);
log(process.env.DATABASE_URL ? "writing to DATABASE_URL" : `writing to the embedded database in ${dataDirPath()}`);

const runtime = await prepareRuntime({ seedIfEmpty: true });
try {
  if (values.reindex) {
    const { reindexArticles } = await import("@/lib/bulk/reindex");
    let progress: Progress | null = null;
    const result = await reindexArticles({
      databaseUrl: runtime.databaseUrl, workers, batchSize,
      onTotal: (total) => (progress = startProgress({ label: "[reindex]", unit: "articles", total })),
      onProgress: (done) => progress?.update(done),
    });
    (progress as Progress | null)?.stop();
    log(`indexed ${result.articles.toLocaleString("en")} articles for search in ${result.seconds.toFixed(1)} s (${Math.round(result.articles / result.seconds)}/s)`);
  } else {
    const { ensureSystemUser } = await import("@/lib/users/bootstrap");
    const { generateArticles } = await import("@/lib/search/synthetic/generate");
    const userId = await ensureSystemUser();
    log(`${articles.toLocaleString("en")} articles, ${path === "copy" ? "COPY" : "INSERT"}, ${workers} connection(s), batches of ${batchSize}${searchIndex ? "" : ", not indexed for search"}`);
    const progress = startProgress({ label: "[generate]", unit: "articles", total: articles });
    const result = await generateArticles({
      databaseUrl: runtime.databaseUrl, articles, seed, workers, batchSize, userId, path, searchIndex, log, onProgress: (done) => (done === articles ? progress.stop() : progress.update(done)),
    });
    log(`added ${result.created.toLocaleString("en")} articles in ${result.seconds.toFixed(1)} s (${Math.round(result.created / result.seconds)}/s), then VACUUM ANALYZE ${result.vacuumSeconds.toFixed(1)} s`);
    const steps = Object.entries(result.timings).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`);
    if (steps.length) log(`wall time per step, summed over the connections: ${steps.join(", ")}`);
  }
} finally {
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
  await runtime.stop();
}
