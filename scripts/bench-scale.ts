/**
 * npm run bench:scale [-- --rounds 10] [--only sitemap]   (--only: the sections whose title has that word)
 *
 * The back office and the public listings at scale (issue 22: a million articles): the
 * admin article list (default, each filter, each sort, a search, a deep page, as an
 * admin and as an editor of some columns), the sitemap (the index, a middle and the last
 * part) and the biggest column's first, middle and last page — each through the function
 * its page calls, in this process, uncached. Prints p50/p95/p99 in milliseconds of wall
 * clock and of CPU time (this process plus the embedded database's: the machine may be
 * shared), the database's size and the peak memory of PostgreSQL and of this process.
 * Uses the database the generator fills: DATABASE_URL when set, else the embedded one
 * under DATA_DIR (default ./data-bench). The uncached article render is measured over
 * HTTP by `npm run bench` (README).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { cpuClock, postgresMemory } from "./lib/cpu-clock";
import { inProcessBenchSetup } from "./lib/bench-helpers";
import { prepareRuntime } from "./lib/runtime";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "10" }, only: { type: "string" } } });
const { rounds, external } = inProcessBenchSetup(values.rounds);

const runtime = await prepareRuntime();
try {
  const { db, disconnectDb } = await import("@/lib/db/client");
  const { scaleBenchCases } = await import("@/lib/bench/scale-cases");
  const { measureCases } = await import("@/lib/bench/measure");

  const articles = await db().article.count();
  const cpus = os.cpus().length;
  console.log(`${articles.toLocaleString("en")} articles · ${cpus} CPU cores · load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  if (articles < 100_000) console.log("(few articles: this measures the lists at scale; fill the database first, README: Performance)");

  const only = values.only?.toLowerCase();
  const cases = (await scaleBenchCases()).filter((c) => !only || c.section.toLowerCase().includes(only));
  if (cases.length === 0) throw new Error(`--only ${values.only}: no section has that word in its title`);
  let peakPostgres = 0;
  let peakSelf = 0;
  const sample = () => {
    if (!external) peakPostgres = Math.max(peakPostgres, postgresMemory());
    peakSelf = Math.max(peakSelf, process.memoryUsage.rss());
  };
  const sampler = setInterval(sample, 200);
  // One call first: the pool's connections exist after it, so the CPU clock counts their processes.
  await cases[0].run();
  const report = await measureCases(cases, rounds, {
    cpuClock: cpuClock(external),
    onRound: (round) => process.stdout.write(`\rround ${round}/${rounds}`),
  });
  sample();
  clearInterval(sampler);

  const ms = (n: number | undefined) => (n === undefined ? "" : n.toFixed(1)).padStart(8);
  const wide = (s: string) => [...s].filter((c) => c.charCodeAt(0) > 0x2e80).length; // CJK is two columns wide
  for (const section of report.sections) {
    console.log(`\n${section.title} — ${section.samples} calls (milliseconds)`);
    console.log(`${"case".padEnd(40)}${"rows".padStart(9)}${"p50".padStart(8)}${"p95".padStart(8)}${"p99".padStart(8)}${report.cpu ? "cpu p50".padStart(9) : ""}`);
    for (const row of section.rows) {
      console.log(`${row.label.padEnd(40 - wide(row.label))}${String(row.size).padStart(9)}${ms(row.p50)}${ms(row.p95)}${ms(row.p99)}${row.cpuP50 === undefined ? "" : ` ${ms(row.cpuP50)}`}`);
    }
    console.log(`all: wall clock p50 ${section.p50.toFixed(1)} · p95 ${section.p95.toFixed(1)} · p99 ${section.p99.toFixed(1)}` + (section.cpu ? ` · CPU p50 ${section.cpu.p50.toFixed(1)} · p95 ${section.cpu.p95.toFixed(1)} · p99 ${section.cpu.p99.toFixed(1)}` : ""));
  }

  const [{ bytes }] = await db().$queryRaw<{ bytes: bigint }[]>`SELECT pg_database_size(current_database()) AS bytes`;
  const mb = (n: number | bigint) => Math.round(Number(n) / 1024 / 1024);
  const memory = { databaseMb: mb(bytes), peakPostgresMb: external ? null : mb(peakPostgres), peakBenchProcessMb: mb(peakSelf) };
  console.log(`\ndatabase ${memory.databaseMb.toLocaleString("en")} MB · peak memory: PostgreSQL ${memory.peakPostgresMb ?? "(external)"} MB (Pss), this process ${memory.peakBenchProcessMb} MB (RSS)`);

  const dir = path.join("bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `scale-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ articles, cpus, rounds, at: new Date().toISOString(), loadAverage: os.loadavg(), memory, ...report }, null, 2));
  console.log(`wrote ${file}`);
  await disconnectDb();
} finally {
  await runtime.stop();
}
