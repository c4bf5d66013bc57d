import { scheduleDailyHealthCheck } from "@/lib/health/start";
import { announceExpiries } from "@/lib/documents/expiry";
import { catchUpMessages } from "@/lib/messages/processor";
import { drainStaticQueue } from "@/lib/static/queue";
import { publishDue } from "./scheduler";

export const SCHEDULER_INTERVAL_MS = Number(process.env.SCHEDULER_INTERVAL_MS || 10_000);

/**
 * The scheduler's heartbeat, run by every instance's app server (scripts/server.ts):
 * every few seconds it publishes what is due, announces the documents whose 有效期至
 * has come (lib/documents/expiry.ts), then spends a few seconds on the static
 * snapshot's queue (at most 40% of the interval, two pages at a time, so readers keep
 * most of the server). publishDue claims each article once, so several instances are
 * safe, and no outside cron is needed. The first tick soon after start publishes
 * schedules that were missed while the server was down. Returns a stop function.
 */
export function startScheduler(writeStaticPage: (path: string) => Promise<boolean>): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await publishDue(new Date());
      // In the background: the 站点体检 is due once a day (one instance runs it).
      scheduleDailyHealthCheck(new Date());
      await announceExpiries(new Date());
      // Catch-up of the 站内消息 outbox (events of saves and of publishDue, or one an action missed) and of mail retries.
      await catchUpMessages();
      await drainStaticQueue({ budgetMs: 0.4 * SCHEDULER_INTERVAL_MS, write: writeStaticPage });
    } catch (error) {
      // The database may be restarting: try again at the next tick.
      console.warn("[scheduler] tick failed:", (error as Error).message);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, 3_000);
  const every = setInterval(tick, SCHEDULER_INTERVAL_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
