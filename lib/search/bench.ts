import type { SearchRequest } from "./params";

/**
 * The fixed query set of `npm run bench:search`: what citizens type most — one
 * character, two-character words, phrases, Latin/number terms, several terms — plus
 * filtered, date-sorted, deep-page and no-result searches.
 */
export interface BenchQuery {
  label: string;
  kind: "one char" | "two chars" | "phrase" | "mixed" | "terms" | "filtered" | "no result";
  request: Partial<SearchRequest> & { q: string };
}

export const BENCH_QUERIES: BenchQuery[] = [
  { label: "生", kind: "one char", request: { q: "生" } },
  { label: "局", kind: "one char", request: { q: "局" } },
  { label: "水", kind: "one char", request: { q: "水" } },
  { label: "生态", kind: "two chars", request: { q: "生态" } },
  { label: "外贸", kind: "two chars", request: { q: "外贸" } },
  { label: "光伏", kind: "two chars", request: { q: "光伏" } },
  { label: "就业", kind: "two chars", request: { q: "就业" } },
  { label: "生态环境", kind: "phrase", request: { q: "生态环境" } },
  { label: "黄河流域生态保护", kind: "phrase", request: { q: "黄河流域生态保护" } },
  { label: "营商环境", kind: "phrase", request: { q: "营商环境" } },
  { label: "老旧小区改造", kind: "phrase", request: { q: "老旧小区改造" } },
  { label: "安全生产专项整治", kind: "phrase", request: { q: "安全生产专项整治" } },
  { label: "100MW", kind: "mixed", request: { q: "100MW" } },
  { label: "BDO", kind: "mixed", request: { q: "BDO" } },
  { label: "PM2.5", kind: "mixed", request: { q: "PM2.5" } },
  { label: "100MW光伏", kind: "mixed", request: { q: "100MW光伏" } },
  { label: "PM2.5平均浓度", kind: "mixed", request: { q: "PM2.5平均浓度" } },
  { label: "生态 保护", kind: "terms", request: { q: "生态 保护" } },
  { label: "外贸 增长 出口", kind: "terms", request: { q: "外贸 增长 出口" } },
  { label: "生态 (column)", kind: "filtered", request: { q: "生态", column: "department-news" } },
  { label: "外贸 (2024)", kind: "filtered", request: { q: "外贸", from: "2024-01-01", to: "2024-12-31" } },
  { label: "生态 (by date)", kind: "filtered", request: { q: "生态", sort: "date" } },
  { label: "生态环境 (page 5)", kind: "filtered", request: { q: "生态环境", page: 5 } },
  { label: "量子纠缠", kind: "no result", request: { q: "量子纠缠" } },
];

export function toRequest(query: BenchQuery): SearchRequest {
  return { column: null, from: null, to: null, sort: "relevance", page: 1, ignored: [], ...query.request };
}

/** The p-th percentile (0–100) of the samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface BenchRow {
  label: string;
  kind: BenchQuery["kind"];
  total: number;
  p50: number;
  max: number;
  /** Median CPU time, when a CPU clock was given. */
  cpuP50?: number;
}

export interface BenchReport extends Percentiles {
  rows: BenchRow[];
  samples: number;
  /** The same percentiles over CPU time (this process and the database's), when a CPU clock was given. */
  cpu?: Percentiles;
}

/**
 * Runs every query `rounds` times after one warm-up round. `cpuClock`, if given, returns
 * the CPU milliseconds used so far by everything serving a search (this process and the
 * database server): on a shared machine it shows what a search costs whatever the load.
 */
export async function runBench(
  search: (request: SearchRequest) => Promise<{ total: number }>,
  rounds: number,
  options: { cpuClock?: () => number; onRound?: (round: number) => void } = {},
): Promise<BenchReport> {
  const wall = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  const totals = new Map<string, number>();
  const add = (map: Map<string, number[]>, key: string, value: number) => map.set(key, [...(map.get(key) ?? []), value]);
  for (let round = 0; round <= rounds; round++) {
    for (const query of BENCH_QUERIES) {
      const cpuBefore = options.cpuClock?.() ?? 0;
      const started = performance.now();
      const result = await search(toRequest(query));
      const ms = performance.now() - started;
      const cpuMs = (options.cpuClock?.() ?? 0) - cpuBefore;
      if (round === 0) continue; // warm-up: caches and the connection pool
      add(wall, query.label, ms);
      if (options.cpuClock) add(cpu, query.label, cpuMs);
      totals.set(query.label, result.total);
    }
    if (round > 0) options.onRound?.(round);
  }
  const percentiles = (samples: number[]): Percentiles => ({ p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) });
  return {
    rows: BENCH_QUERIES.map((q) => {
      const samples = wall.get(q.label) ?? [];
      const cpuSamples = cpu.get(q.label);
      return {
        label: q.label,
        kind: q.kind,
        total: totals.get(q.label) ?? 0,
        p50: percentile(samples, 50),
        max: Math.max(...samples),
        ...(cpuSamples ? { cpuP50: percentile(cpuSamples, 50) } : {}),
      };
    }),
    ...percentiles([...wall.values()].flat()),
    samples: [...wall.values()].flat().length,
    ...(options.cpuClock ? { cpu: percentiles([...cpu.values()].flat()) } : {}),
  };
}
