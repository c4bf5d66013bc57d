/**
 * npm run bench:search [-- --rounds 10] [--admin]
 *
 * Runs the fixed set of common searches (lib/search/bench.ts) through the same function
 * the /search page calls — candidates, exact ranking, loading the rows, snippets — and
 * prints per-query medians and the overall p50/p95/p99 in milliseconds — wall-clock, and
 * CPU time (this process plus the embedded database's processes, from /proc): on a busy
 * shared machine the wall clock mostly measures the queue for the CPU, the CPU time what
 * a search costs. With --admin it also measures the editors' search. Uses the database the generator fills: DATABASE_URL
 * when set, else the embedded one under DATA_DIR (default ./data-bench):
 *
 *   npm run generate:articles -- --articles 100000 && npm run bench:search
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { cpuClock } from "./lib/cpu-clock";
import { inProcessBenchSetup } from "./lib/bench-helpers";
import { prepareRuntime } from "./lib/runtime";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "10" }, admin: { type: "boolean", default: false } } });
const { rounds, external } = inProcessBenchSetup(values.rounds);

/** The text the search indexes and what the index takes, in bytes. */
async function indexSize() {
  const { db } = await import("@/lib/db/client");
  const rows = await db().$queryRaw<{ textBytes: bigint; tableBytes: bigint; indexBytes: bigint; databaseBytes: bigint }[]>`
    SELECT
      (SELECT coalesce(sum(octet_length(concat_ws(' ', a.title, array_to_string(a."titleTags", ' '), a.subtitle, a.summary, a."docNo", a."bodyText"))), 0)
         + coalesce(sum(octet_length(concat_ws(' ', r.title, array_to_string(r."titleTags", ' '), r.subtitle, r.summary, r."docNo", r."bodyText")))
                    FILTER (WHERE s."publicDoc" IS NOT NULL), 0)
       FROM "Article" a JOIN "ArticleSearch" s ON s."articleId" = a.id LEFT JOIN "ArticleRevision" r ON r.id = a."liveRevisionId")::bigint AS "textBytes",
      pg_table_size('"ArticleSearch"') AS "tableBytes",
      pg_indexes_size('"ArticleSearch"') AS "indexBytes",
      pg_database_size(current_database()) AS "databaseBytes"`;
  const row = rows[0];
  return { textBytes: Number(row.textBytes), tableBytes: Number(row.tableBytes), indexBytes: Number(row.indexBytes), databaseBytes: Number(row.databaseBytes) };
}

const runtime = await prepareRuntime();
try {
  const { db, disconnectDb } = await import("@/lib/db/client");
  const { runBench } = await import("@/lib/search/bench");
  const { searchPublicArticles } = await import("@/lib/search/public");
  const { adminSearchArticles } = await import("@/lib/search/admin");

  const articles = await db().article.count();
  const cpus = os.cpus().length;
  console.log(`${articles.toLocaleString("en")} articles · ${cpus} CPU cores · load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  if (articles < 1000) console.log("(few articles: fill the database first with npm run generate:articles -- --articles 100000)");

  const ms = (n: number | undefined) => (n === undefined ? "" : n.toFixed(1)).padStart(8);
  const print = (title: string, report: Awaited<ReturnType<typeof runBench>>) => {
    console.log(`\n${title} — ${report.samples} searches (milliseconds)`);
    console.log(`${"query".padEnd(22)}${"kind".padEnd(11)}${"matches".padStart(8)}${"p50".padStart(8)}${"max".padStart(8)}${report.cpu ? "cpu p50".padStart(9) : ""}`);
    for (const row of report.rows) {
      const width = 22 - [...row.label].filter((c) => c.charCodeAt(0) > 0x2e80).length; // CJK is two columns wide
      console.log(`${row.label.padEnd(width)}${row.kind.padEnd(11)}${String(row.total).padStart(8)}${ms(row.p50)}${ms(row.max)}${report.cpu ? ` ${ms(row.cpuP50)}` : ""}`);
    }
    console.log(`wall clock: p50 ${report.p50.toFixed(1)} · p95 ${report.p95.toFixed(1)} · p99 ${report.p99.toFixed(1)}`);
    if (report.cpu) console.log(`CPU time:   p50 ${report.cpu.p50.toFixed(1)} · p95 ${report.cpu.p95.toFixed(1)} · p99 ${report.cpu.p99.toFixed(1)}`);
  };

  const onRound = (round: number) => process.stdout.write(`\rround ${round}/${rounds}`);
  const size = await indexSize();
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const perArticle = (bytes: number) => `${Math.round(bytes / Math.max(articles, 1)).toLocaleString("en")} B/article`;
  console.log(`\nSearch index size (ArticleSearch: its rows with the normalised text, and its indexes)`);
  console.log(`text indexed:   ${mb(size.textBytes)} (${perArticle(size.textBytes)}: title, tags, subtitle, summary, document number, body; the live text too where it differs)`);
  console.log(`search rows:    ${mb(size.tableBytes)} (${perArticle(size.tableBytes)}, compressed on disk)`);
  console.log(`search indexes: ${mb(size.indexBytes)} (${perArticle(size.indexBytes)})`);
  console.log(`index / text:   ${((size.tableBytes + size.indexBytes) / Math.max(size.textBytes, 1)).toFixed(2)}× · whole database ${mb(size.databaseBytes)}`);
  const results: Record<string, unknown> = { articles, cpus, loadAverage: os.loadavg(), rounds, at: new Date().toISOString(), size };
  // The connections exist after one search: only then are the database's processes counted.
  await searchPublicArticles({ q: "预热", column: null, from: null, to: null, sort: "relevance", page: 1, ignored: [] });
  const clock = cpuClock(external);
  const publicReport = await runBench((request) => searchPublicArticles(request), rounds, { cpuClock: clock, onRound });
  print("Public search (/search)", publicReport);
  results.public = publicReport;
  if (values.admin) {
    const adminReport = await runBench(async (request) => (await adminSearchArticles(request.q, { limit: 20 })) ?? { total: 0 }, rounds, { cpuClock: clock, onRound });
    print("Admin search (all statuses, 20 ids)", adminReport);
    results.admin = adminReport;
  }
  results.loadAverageAfter = os.loadavg();
  const dir = path.join("bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `search-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\nwrote ${file}`);
  await disconnectDb();
} finally {
  await runtime.stop();
}
