import { percentile, type Percentiles } from "@/lib/search/bench";

/** One request of an in-process benchmark: `run` answers how many rows (or bytes) it produced, to show it did the work. */
export interface BenchCase {
  section: string;
  label: string;
  run: () => Promise<number>;
}

export interface CaseRow extends Percentiles {
  label: string;
  size: number;
  /** Median CPU time, when a CPU clock was given. */
  cpuP50?: number;
}

export interface SectionReport extends Percentiles {
  title: string;
  rows: CaseRow[];
  samples: number;
  cpu?: Percentiles;
}

const percentiles = (samples: number[]): Percentiles => ({ p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) });

/**
 * Runs every case `rounds` times, after one warm-up round, one case at a time (the cases
 * of a round in order, so that a slow moment of a shared machine spreads over all of
 * them). `cpuClock`, if given, returns the CPU milliseconds used so far by everything
 * serving a case (this process and the database server).
 */
export async function measureCases(
  cases: readonly BenchCase[],
  rounds: number,
  options: { cpuClock?: () => number; onRound?: (round: number) => void } = {},
): Promise<{ sections: SectionReport[]; cpu: boolean }> {
  const wall = cases.map(() => [] as number[]);
  const cpu = cases.map(() => [] as number[]);
  const sizes = cases.map(() => 0);
  for (let round = 0; round <= rounds; round++) {
    for (const [i, c] of cases.entries()) {
      const cpuBefore = options.cpuClock?.() ?? 0;
      const started = performance.now();
      const size = await c.run();
      const ms = performance.now() - started;
      const cpuMs = (options.cpuClock?.() ?? 0) - cpuBefore;
      if (round === 0) continue; // warm-up: the pool's connections, the database's buffers, compiled code
      wall[i].push(ms);
      if (options.cpuClock) cpu[i].push(cpuMs);
      sizes[i] = size;
    }
    if (round > 0) options.onRound?.(round);
  }
  const sections = [...new Set(cases.map((c) => c.section))].map((title): SectionReport => {
    const indexes = cases.flatMap((c, i) => (c.section === title ? [i] : []));
    const rows = indexes.map((i): CaseRow => ({
      label: cases[i].label,
      size: sizes[i],
      ...percentiles(wall[i]),
      ...(options.cpuClock ? { cpuP50: percentile(cpu[i], 50) } : {}),
    }));
    const all = indexes.flatMap((i) => wall[i]);
    return {
      title,
      rows,
      samples: all.length,
      ...percentiles(all),
      ...(options.cpuClock ? { cpu: percentiles(indexes.flatMap((i) => cpu[i])) } : {}),
    };
  });
  return { sections, cpu: Boolean(options.cpuClock) };
}
