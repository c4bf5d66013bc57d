import "server-only";
import { ActionError } from "@/lib/actions/errors";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DISPLAY_TIME_ZONE, formatDateTime, hourIn } from "@/lib/format/date";
import { fill } from "@/lib/i18n/fill";
import { performRun, siteDay, type RunOptions } from "./run";
import { healthText as H } from "./text";

/**
 * Starting a run, by hand or by the scheduler, on any of several instances. A run's row
 * is created first (RUNNING) and filled when it ends. A manual run is refused while
 * another is under way; the daily run's row is keyed by the site-local day (unique), so
 * of the instances whose heartbeat passes the hour, exactly one inserts it and runs.
 */
/** A run still RUNNING after this long died with its instance: it no longer blocks. */
export const RUN_STALE_MS = 30 * 60_000;

export async function runNow(startedBy: string, options: RunOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const run = await db().$transaction(async (tx) => {
    // One manual start at a time across instances: the check and the insert under one lock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('gazette.health-check'))`;
    const running = await tx.healthCheckRun.findFirst({
      where: { status: "RUNNING", startedAt: { gt: new Date(now.getTime() - RUN_STALE_MS) } },
      select: { startedAt: true },
    });
    if (running) throw new ActionError("conflict", fill(H.alreadyRunning, { since: formatDateTime(running.startedAt) }));
    return tx.healthCheckRun.create({ data: { trigger: "MANUAL", startedBy, startedAt: now } });
  });
  await performRun(run.id, options);
  return run.id;
}

/**
 * The daily run, from every instance's heartbeat: due once the site-local hour reaches
 * HEALTH_CHECK_HOUR; returns the run's id when this call ran it, null otherwise.
 */
export async function runDailyIfDue(now: Date, options: RunOptions & { hour?: number } = {}): Promise<number | null> {
  const timeZone = options.timeZone ?? DISPLAY_TIME_ZONE;
  if (hourIn(now, timeZone) < (options.hour ?? env().HEALTH_CHECK_HOUR)) return null;
  const day = siteDay(now, timeZone);
  // ON CONFLICT DO NOTHING: the instance that finds today's row does nothing, without an error in the database's log.
  const [claimed] = await db().healthCheckRun.createManyAndReturn({ data: [{ trigger: "SCHEDULED", day, startedAt: now }], skipDuplicates: true, select: { id: true } });
  if (!claimed) return null;
  await performRun(claimed.id, { ...options, now, timeZone });
  return claimed.id;
}

let lastDay: string | null = null;
let inFlight = false;

/**
 * For the heartbeat: never awaited there (a run may take minutes with external links,
 * and must not hold up scheduled publishing), at most one at a time per instance, and
 * no database query once today's run is known to exist.
 */
export function scheduleDailyHealthCheck(now: Date): void {
  const day = siteDay(now);
  if (inFlight || lastDay === day) return;
  inFlight = true;
  runDailyIfDue(now)
    .then((id) => {
      if (id !== null || hourIn(now, DISPLAY_TIME_ZONE) >= env().HEALTH_CHECK_HOUR) lastDay = day;
    })
    .catch((error) => console.warn("[health] daily run failed:", (error as Error).message))
    .finally(() => {
      inFlight = false;
    });
}
