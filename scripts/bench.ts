/**
 * npm run bench [-- --articles 10000] [--duration 10] [--connections 32] [--static] [--reuse] [--no-build]
 *                 [--only beacon] [--port 3400] [--pg-port 54500]
 * (--reuse: the articles an earlier run generated; --no-build: its build too; --only beacon:
 * the view beacon alone, which needs no more articles than the demo's — e.g. --articles 200;
 * --port / --pg-port: where the server and its database listen, beside other runs)
 *
 * Builds and starts the production server on a fresh embedded database seeded with N
 * articles, then measures each reading path with a bounded load generator (autocannon,
 * loopback only): requests/s, p50/p99 latency, errors, and the server's peak resident
 * memory. Prints a table and writes JSON under bench/results/. With --static it also
 * measures nginx serving the static snapshot (apt-get install nginx).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { pageScripts } from "../lib/bench/js-size";
import { BENCH_QUERIES } from "../lib/search/bench";
import { TOPICS } from "../lib/search/synthetic/vocabulary";
import { poolConfigFromUrl } from "../lib/db/connection";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { descendantRss, timedGet, waitForHttp } from "./lib/bench-helpers";
import { startNginx } from "./lib/bench-nginx";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ARTICLES = option("articles", 10_000);
const DURATION = option("duration", 10);
const CONNECTIONS = option("connections", 32);
const PORT = option("port", 3400);
const ONLY_BEACON = args[args.indexOf("--only") + 1] === "beacon" && args.includes("--only");
const DATA = `data-bench-${ARTICLES}`;
const DIST = ".next-bench";

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: DATA,
  PORT: String(PORT),
  EMBEDDED_PG_PORT: String(option("pg-port", 54500)),
  NEXT_DIST_DIR: DIST,
  NODE_ENV: "production",
  HOSTNAME_BIND: "127.0.0.1",
  ADMIN_EMAIL: "bench@bench.invalid",
  ADMIN_PASSWORD: "Load-Measure-Passw0rd!7",
  SITE_URL: `http://127.0.0.1:${PORT}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.DATABASE_URL;
const tsx = path.join("node_modules", ".bin", "tsx");
const run = (script: string, extra: string[] = []) => {
  const result = spawnSync(tsx, [script, ...extra], { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${script} failed`);
};

interface Row {
  name: string;
  /** The app server's peak resident memory while this path was under load. */
  peakServerRssMb?: number;
  ok: number;
  requestsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(name: string, url: string, init: Partial<autocannon.Options> = {}): Promise<Row> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, pipelining: 1, ...init });
  return {
    name,
    ok: result["2xx"],
    requestsPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Distinct searches, more than a bench run sends (each is asked once, so none is cached). */
function uncachedSearchPaths(): { text: string; page: number }[] {
  const words = [...new Set([...BENCH_QUERIES.map((q) => q.request.q), ...TOPICS.flatMap((t) => t.names)])];
  const pairs = words.flatMap((a, i) => words.slice(i + 1, i + 40).map((b) => `${a} ${b}`));
  return [...[1, 2, 3, 4, 5].flatMap((page) => words.map((text) => ({ text, page }))), ...pairs.map((text) => ({ text, page: 1 }))];
}

async function main() {
  // --reuse keeps the generated articles of an earlier run; the build is always the current code's.
  const fresh = !flag("reuse") || !fs.existsSync(DATA);
  if (fresh) fs.rmSync(DATA, { recursive: true, force: true });
  if (!flag("no-build")) run("scripts/build.ts");
  if (fresh) run("scripts/generate-articles.ts", ["--articles", String(ARTICLES)]);
  // The whole instance as a reader's request meets it: npm start and everything under it (PostgreSQL apart).
  const server: ChildProcess = spawn("npm", ["start"], { stdio: ["ignore", "ignore", "inherit"], env, detached: true });
  const base = `http://127.0.0.1:${PORT}`;
  let peakRss = 0;
  let peakServerRss = 0;
  let phasePeak = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, descendantRss(server.pid!));
    const serverRss = descendantRss(server.pid!, "gazette-server");
    peakServerRss = Math.max(peakServerRss, serverRss);
    phasePeak = Math.max(phasePeak, serverRss);
  }, 250);
  const measured = async (row: Promise<Row>): Promise<Row> => {
    phasePeak = 0;
    const result = await row;
    return { ...result, peakServerRssMb: Math.round(phasePeak / 1024 / 1024) };
  };
  try {
    await waitForHttp(`${base}/api/health`, 120_000);
    await settleDatabase();
    const rows: Row[] = [];
    const column = (await (await fetch(`${base}/sitemap`)).text()).match(/\/columns\/([a-z0-9-]+)/)?.[1] ?? "wuhai-news";

    // Uncached renders: the first request of published articles spread over the generated
    // ones (their ids follow the demo content's). Other answers (a draft's 404) are not
    // counted. The first 300 warm the server up (a just-started Node.js compiles its code
    // as it goes, for a few hundred renders); the next 300 are the figure. Each article is
    // rendered once. Renders 900 to 1,200 show the same server once warm, for comparison.
    const renders = ONLY_BEACON ? [] : await uncachedRenders(base, 1200);
    const uncached = {
      ...percentiles(renders.slice(300, 600)),
      samples: 300,
      afterStart: percentiles(renders.slice(0, 100)),
      steady: percentiles(renders.slice(900)),
    };

    const search = (q: string, page = 1) => `${base}/search?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ""}`;
    const pages = [
      ["article (cached)", `${base}/articles/1`],
      ["home", `${base}/`],
      ["column", `${base}/columns/${column}`],
      // A repeated search: its first page comes from the search cache.
      ["search 生态 (common word)", search("生态")],
      ["search BDO (rare word)", search("BDO")],
      ["search 生态 保护 (two words)", search("生态 保护")],
      ["search 黄河流域生态保护 (phrase)", search("黄河流域生态保护")],
    ] as const;
    for (const [name, url] of ONLY_BEACON ? [] : pages) {
      await fetch(url); // warm the cache
      rows.push(await measured(load(name, url)));
    }
    // Searches the cache cannot answer: every request a query or page not asked before
    // (the bench queries and topic words on pages 1–5, pairs of them), as a crawler
    // walking the search pages or a crowd typing different words would send them.
    if (!ONLY_BEACON) {
      const paths = uncachedSearchPaths().map((q) => search(q.text, q.page).slice(base.length));
      let next = 0;
      rows.push(await measured(load("search, each request new (uncached)", search("生态"), {
        requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
      })));
    }
    const before = (await (await fetch(`${base}/api/views`, { method: "POST", headers: { "content-type": "application/json", "user-agent": "bot-check googlebot" }, body: '{"id":1}' })).json()).count;
    const beacon = await measured(load("view beacon", `${base}/api/views`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Mozilla/5.0 bench" },
      body: JSON.stringify({ id: 1 }),
    }));
    rows.push(beacon);
    const after = (await (await fetch(`${base}/api/views`, { method: "POST", headers: { "content-type": "application/json", "user-agent": "googlebot" }, body: '{"id":1}' })).json()).count;
    // Every 2xx answer to the beacon must be exactly one increment.
    const counted = after - before;

    let staticRows: Row[] = [];
    if (flag("static")) {
      run("scripts/static-export.ts", ["--only", "/articles/1,/"]);
      const nginx = await startNginx(path.resolve(DATA, "static"), PORT, 3401);
      try {
        staticRows = [await load("nginx: article (static)", "http://127.0.0.1:3401/articles/1"), await load("nginx: home (static)", "http://127.0.0.1:3401/")];
      } finally {
        nginx.stop();
      }
    }

    // The scripts of the article page exactly as served, their files read from the build.
    const js = pageScripts(await (await fetch(`${base}/articles/1`)).text(), DIST);
    const report = {
      date: new Date().toISOString(),
      articles: ARTICLES,
      durationSeconds: DURATION,
      connections: CONNECTIONS,
      rows: [...rows, ...staticRows],
      uncachedArticleMs: uncached,
      // Counted but not answered: in flight when the load generator stopped (never a loss).
      viewBeacon: { answered: beacon.ok, counted, lost: Math.max(0, beacon.ok - counted), inFlightAtStop: Math.max(0, counted - beacon.ok) },
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      peakServerRssMb: Math.round(peakServerRss / 1024 / 1024),
      articleFirstLoadJsGzipKb: Math.round(js.totalGzip / 102.4) / 10,
    };
    console.log(`\nGazette bench — ${ARTICLES} articles, ${CONNECTIONS} connections, ${DURATION} s each\n`);
    console.log("| path | req/s | p50 ms | p99 ms | errors | non-2xx | server RSS MB |\n|---|---:|---:|---:|---:|---:|---:|");
    for (const r of report.rows) console.log(`| ${r.name} | ${r.requestsPerSec} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.peakServerRssMb ?? ""} |`);
    if (!ONLY_BEACON) printRenders(uncached);
    console.log(`view beacon: ${beacon.ok} answered, ${counted} counted, ${report.viewBeacon.lost} lost (${report.viewBeacon.inFlightAtStop} in flight when the load stopped)`);
    console.log(`server peak RSS: ${report.peakServerRssMb} MB (the app server); ${report.peakRssMb} MB the whole instance under npm start (npm, sh, the server), without PostgreSQL`);
    console.log(`article page first-load JS: ${report.articleFirstLoadJsGzipKb} KB gzipped`);
    fs.mkdirSync("bench/results", { recursive: true });
    const file = path.join("bench/results", `${report.date.replace(/[:.]/g, "-")}-${ARTICLES}.json`);
    fs.writeFileSync(file, JSON.stringify(report, null, 2));
    console.log(`\nwritten to ${file}`);
  } finally {
    clearInterval(sampler);
    process.kill(-server.pid!, "SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

/**
 * Leaves the database nothing to catch up on before anything is measured. On two cores
 * its background work showed in the uncached renders: autovacuum analyzing the article
 * table after a --reuse run (the last run's 100,000 view-beacon updates of one article),
 * and, after generating the articles, checkpoints writing out gigabytes of new pages.
 * So: vacuum and analyze the tables with changes not yet seen to, then a checkpoint.
 */
async function settleDatabase(): Promise<void> {
  // The server's own embedded database: found running, shared, and left running.
  const database = await startEmbeddedPostgres({ dir: path.join(DATA, "postgres"), port: Number(env.EMBEDDED_PG_PORT), database: "gazette", log: () => {} });
  // As the superuser: VACUUM needs the owner of every table (the audit log is not the app's) and CHECKPOINT a superuser.
  const client = new pg.Client(poolConfigFromUrl(database.adminUrl));
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, relname) AS name FROM pg_stat_user_tables WHERE n_dead_tup > 0 OR n_mod_since_analyze > 0`,
    );
    for (const { name } of rows) await client.query(`VACUUM (ANALYZE) ${name}`);
    await client.query("CHECKPOINT");
  } finally {
    await client.end();
  }
}

/** Wall-clock milliseconds of the first request of `count` published articles, in order. */
async function uncachedRenders(base: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; times.length < count && n < count * 10; n++) {
    const id = 100 + ((n * 7919) % ARTICLES);
    const { status, ms } = await timedGet(`${base}/articles/${id}`);
    if (status === 200) times.push(ms);
  }
  return times;
}

function printRenders(uncached: ReturnType<typeof percentiles> & { samples: number; afterStart: ReturnType<typeof percentiles>; steady: ReturnType<typeof percentiles> }) {
  console.log(`\nuncached article render: p50 ${uncached.p50.toFixed(1)} ms, p95 ${uncached.p95.toFixed(1)} ms (${uncached.samples} articles, after 300 others)`);
  console.log(`  the first 100 after start: p50 ${uncached.afterStart.p50.toFixed(1)} ms, p95 ${uncached.afterStart.p95.toFixed(1)} ms`);
  console.log(`  once warm (renders 900 to 1,200): p50 ${uncached.steady.p50.toFixed(1)} ms, p95 ${uncached.steady.p95.toFixed(1)} ms`);
}

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length * 0.5)], p95: sorted[Math.floor(sorted.length * 0.95)] };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
