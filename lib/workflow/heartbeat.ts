import { callSelf } from "@/lib/internal/token";

export const SCHEDULER_INTERVAL_MS = Number(process.env.SCHEDULER_INTERVAL_MS || 10_000);
let started = false;

export function startScheduler() {
  if (started) return;
  started = true;
  const tick = async () => {
    try {
      const response = await callSelf("/api/internal/tick");
      if (!response.ok) console.warn(`[scheduler] tick answered ${response.status}`);
    } catch (error) {
      // The server may still be starting, or shutting down: try again at the next tick.
      if (process.env.NODE_ENV !== "test") console.warn("[scheduler] tick failed:", (error as Error).message);
    }
  };
  setTimeout(tick, 3_000).unref();
  setInterval(tick, SCHEDULER_INTERVAL_MS).unref();
}
