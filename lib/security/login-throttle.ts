import { db } from "@/lib/db/client";

/**
 * Counters of failed attempts per key (e.g. "ip:203.0.113.7"), kept in PostgreSQL so
 * that every app instance sees the same numbers. Fixed windows: the first failure
 * opens a window; further failures in it add up; a failure after it opens a new one.
 * Times are the database's, so instances with drifting clocks still agree.
 */
export interface ThrottleRule {
  /** Failures allowed per window before the key is refused. */
  max: number;
  windowSeconds: number;
}

/** Per client IP: generous for an office behind one NAT address, fatal for a password sprayer. */
export const LOGIN_IP_RULE: ThrottleRule = { max: 30, windowSeconds: 15 * 60 };

/** Has the key used up its failures for the current window? */
export async function isThrottled(key: string, rule: ThrottleRule): Promise<boolean> {
  const rows = await db().$queryRaw<{ count: number }[]>`
    SELECT "count" FROM "LoginThrottle"
    WHERE "key" = ${key} AND "windowStart" > now() - make_interval(secs => ${rule.windowSeconds})`;
  return (rows[0]?.count ?? 0) >= rule.max;
}

/** Counts one failure atomically (concurrent failures from several instances all count); returns the window's total. */
export async function recordFailure(key: string, rule: ThrottleRule): Promise<number> {
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "LoginThrottle" ("key", "count", "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "LoginThrottle"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds})
                     THEN 1 ELSE "LoginThrottle"."count" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds})
                     THEN now() ELSE "LoginThrottle"."windowStart" END
    RETURNING "count"`;
  return rows[0].count;
}

/** Forgets windows that ended long ago, so the table stays as small as the set of recent offenders. */
export async function pruneThrottle(olderThanSeconds = 24 * 60 * 60): Promise<number> {
  return db().$executeRaw`DELETE FROM "LoginThrottle" WHERE "windowStart" < now() - make_interval(secs => ${olderThanSeconds})`;
}
