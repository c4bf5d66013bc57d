/**
 * npm run generate:articles -- --articles 100000 [--seed 1] [--workers 2] [--batch 250]
 *
 * Adds N realistic synthetic government articles (mostly published, some drafts, in
 * review, scheduled, withdrawn, or edited while live) for search and load tests.
 * Writes to DATABASE_URL when set, else to the embedded database under DATA_DIR —
 * which defaults to ./data-bench here, never ./data: fill the dev database only on
 * purpose (DATA_DIR=data npm run generate:articles -- --articles 500).
 */
import { parseArgs } from "node:util";
import { dataDirPath, prepareRuntime } from "./lib/runtime";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    workers: { type: "string", default: "2" },
    batch: { type: "string", default: "250" },
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
const batchSize = number("batch", values.batch, 1, 5000);

if (!process.env.DATABASE_URL) process.env.DATA_DIR ||= "data-bench";
const log = (m: string) => console.log(`[generate] ${m}`);
log(process.env.DATABASE_URL ? "writing to DATABASE_URL" : `writing to the embedded database in ${dataDirPath()}`);

const runtime = await prepareRuntime({ seedIfEmpty: true });
try {
  const { ensureSystemUser } = await import("@/lib/users/bootstrap");
  const { generateArticles } = await import("@/lib/search/synthetic/generate");
  const userId = await ensureSystemUser();
  const result = await generateArticles({ databaseUrl: runtime.databaseUrl, articles, seed, workers, batchSize, userId, log });
  log(`added ${result.created.toLocaleString("en")} articles in ${result.seconds.toFixed(1)} s (${Math.round(result.created / result.seconds)}/s)`);
} finally {
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
  await runtime.stop();
}
