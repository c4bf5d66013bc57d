import { db, type Prisma } from "@/lib/db/client";

/**
 * Limits on password guessing, kept in PostgreSQL so that every app instance sees the
 * same numbers, and times are the database's so that instances with drifting clocks
 * agree. Every attempt is counted *before* the (slow) password check, in one
 * conditional statement: a batch of guesses sent at once cannot all be checked against
 * a count that none of them has written yet. An attempt that turns out right gives its
 * slot back.
 *
 * Two kinds of rows in one table (LoginThrottle), told apart by their key:
 * - windows ("ip:203.0.113.7", "reauth:12"): at most `max` attempts per fixed window;
 *   the first attempt opens the window, one after it opens a new one;
 * - account locks ("account:name@example.cn"): consecutive failed logins of one email,
 *   whether an account has it or not — an unknown email locks exactly like a real one,
 *   so that the lock (and the "locked until" the login form shows) tells nobody which
 *   emails exist. `windowStart` is the last attempt, for pruning.
 */
export interface ThrottleRule {
  /** Attempts allowed per window; a right one is given back. */
  max: number;
  windowSeconds: number;
}

/** Per client IP: generous for an office behind one NAT address, fatal for a password sprayer. */
export const LOGIN_IP_RULE: ThrottleRule = { max: 30, windowSeconds: 15 * 60 };

/** Five failures lock the account for 15 minutes (等保 2.0 登录失败处理). */
export const ACCOUNT_LOCK = { failures: 5, minutes: 15 } as const;

export const ipKey = (ip: string) => `ip:${ip || "unknown"}`;
export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;

/** A slot taken in a window: give it back with this if the attempt was right. */
export interface WindowSlot {
  key: string;
  windowStart: Date;
}

/** Takes one attempt of the key's current window; null when the window has none left. */
export async function takeAttempt(key: string, rule: ThrottleRule): Promise<WindowSlot | null> {
  const rows = await db().$queryRaw<{ windowStart: Date }[]>`
    INSERT INTO "LoginThrottle" ("key", "count", "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "LoginThrottle"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds})
                     THEN 1 ELSE "LoginThrottle"."count" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds})
                     THEN now() ELSE "LoginThrottle"."windowStart" END
    WHERE "LoginThrottle"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds})
       OR "LoginThrottle"."count" < ${rule.max}
    RETURNING "windowStart"`;
  return rows[0] ? { key, windowStart: rows[0].windowStart } : null;
}

/** The attempt was right: it does not count (only within the window it was taken from). */
export async function giveBack(slot: WindowSlot): Promise<void> {
  await db().$executeRaw`
    UPDATE "LoginThrottle" SET "count" = "count" - 1
    WHERE "key" = ${slot.key} AND "windowStart" = ${slot.windowStart} AND "count" > 0`;
}

export type AccountAttempt =
  /** May be checked; `last` when a failure now leaves the account locked until `lockedUntil`. */
  | { ok: true; last: boolean; lockedUntil: Date | null }
  /** Refused unchecked: the account is locked (until when; null if it was unlocked meanwhile). */
  | { ok: false; lockedUntil: Date | null };

/**
 * Counts one login attempt for an email before its password is checked. The attempt
 * that reaches the limit locks the account at once (an attempt that comes right
 * unlocks it): attempts sent alongside it are refused without being checked, and a
 * lock that nobody lifts — a crashed instance — still ends on time.
 */
export async function takeAccountAttempt(email: string): Promise<AccountAttempt> {
  const key = accountKey(email);
  const { failures, minutes } = ACCOUNT_LOCK;
  // A lock that has run out starts the count again.
  const rows = await db().$queryRaw<{ count: number; lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" ("key", "count", "windowStart", "lockedUntil")
    VALUES (${key}, 1, now(), CASE WHEN 1 >= ${failures} THEN now() + make_interval(mins => ${minutes}) END)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "LoginThrottle"."lockedUntil" <= now() THEN 1 ELSE "LoginThrottle"."count" + 1 END,
      "lockedUntil" = CASE WHEN (CASE WHEN "LoginThrottle"."lockedUntil" <= now() THEN 1 ELSE "LoginThrottle"."count" + 1 END) >= ${failures}
                      THEN now() + make_interval(mins => ${minutes}) END,
      "windowStart" = now()
    WHERE "LoginThrottle"."lockedUntil" IS NULL OR "LoginThrottle"."lockedUntil" <= now()
    RETURNING "count", "lockedUntil"`;
  if (rows[0]) return { ok: true, last: rows[0].lockedUntil !== null, lockedUntil: rows[0].lockedUntil };
  // Unlocked in between (a right password, an admin): refuse this one anyway, it was sent into a lock.
  return { ok: false, lockedUntil: await accountLockedUntil(email) };
}

/** The password was right: the failures before it are forgotten and a lock it set is lifted. */
export async function accountSucceeded(email: string): Promise<void> {
  await db().$executeRaw`DELETE FROM "LoginThrottle" WHERE "key" = ${accountKey(email)}`;
}

/**
 * The attempt proved nothing either way (the password was right, the second factor not
 * given yet): it does not count, and a lock only it had set is lifted.
 */
export async function giveBackAccountAttempt(email: string): Promise<void> {
  await db().$executeRaw`
    UPDATE "LoginThrottle" SET
      "count" = GREATEST("count" - 1, 0),
      "lockedUntil" = CASE WHEN "count" - 1 < ${ACCOUNT_LOCK.failures} THEN NULL ELSE "lockedUntil" END
    WHERE "key" = ${accountKey(email)} AND ("lockedUntil" IS NULL OR "lockedUntil" > now())`;
}

/** Until when the email's login is locked, or null. */
export async function accountLockedUntil(email: string): Promise<Date | null> {
  return (await accountLocks([email])).get(email.trim().toLowerCase()) ?? null;
}

/** The current locks of these emails (lower case), for the admin's user pages. */
export async function accountLocks(emails: string[]): Promise<Map<string, Date>> {
  if (emails.length === 0) return new Map();
  const rows = await db().loginThrottle.findMany({
    where: { key: { in: emails.map(accountKey) }, lockedUntil: { gt: new Date() } },
    select: { key: true, lockedUntil: true },
  });
  return new Map(rows.map((r) => [r.key.slice("account:".length), r.lockedUntil!]));
}

/** Lifts the email's lock and forgets its failures (an admin's unlock, a password reset). */
export async function clearAccountLock(email: string, client: Prisma.TransactionClient = db()): Promise<number> {
  return client.$executeRaw`DELETE FROM "LoginThrottle" WHERE "key" = ${accountKey(email)}`;
}

/** Forgets rows idle for long (a lock lasts minutes), so the table stays as small as the set of recent offenders. */
export async function pruneThrottle(olderThanSeconds = 24 * 60 * 60): Promise<number> {
  return db().$executeRaw`
    DELETE FROM "LoginThrottle"
    WHERE "windowStart" < now() - make_interval(secs => ${olderThanSeconds})
      AND ("lockedUntil" IS NULL OR "lockedUntil" < now())`;
}
