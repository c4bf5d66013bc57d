import { Presets, SingleBar } from "cli-progress";

/**
 * Progress of a long run: a bar on a terminal; otherwise (a log, CI, `| tee`) a plain line
 * every `every` seconds — done, total, rate and ETA — so a redirected run still says how
 * far it got. Both for the generator and the importer.
 */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

export function startProgress(options: { label: string; unit: string; total: number; every?: number; log?: (line: string) => void }): Progress {
  const { label, unit, total } = options;
  const started = performance.now();
  if (process.stdout.isTTY) {
    const bar = new SingleBar(
      { format: `${label} [{bar}] {value}/{total} ${unit} | {rate}/s | 剩余 {eta_formatted}`, hideCursor: true, etaBuffer: 50 },
      Presets.shades_classic,
    );
    bar.start(total, 0, { rate: 0 });
    return {
      update: (done) => bar.update(done, { rate: Math.round(done / ((performance.now() - started) / 1000)) }),
      stop: () => bar.stop(),
    };
  }
  const log = options.log ?? ((line: string) => console.log(line));
  const every = (options.every ?? 10) * 1000;
  let last = started;
  let done = 0;
  const line = () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = done / seconds;
    const eta = rate > 0 ? (total - done) / rate : Infinity;
    log(`${label} ${done.toLocaleString("en")}/${total.toLocaleString("en")} ${unit} | ${Math.round(rate).toLocaleString("en")}/s | ${seconds.toFixed(0)} s，剩余 ${Number.isFinite(eta) ? `${eta.toFixed(0)} s` : "—"}`);
  };
  return {
    update(value) {
      done = value;
      const now = performance.now();
      if (now - last >= every) {
        last = now;
        line();
      }
    },
    stop: line,
  };
}
