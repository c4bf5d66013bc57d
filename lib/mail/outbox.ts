import { db } from "@/lib/db/client";
import { getSiteSettings } from "@/lib/settings/queries";
import { mailEnabled, mailFrom, sendMail } from "./transport";

/** After this many failed attempts a mail is given up (its last error stays for the admin to read). */
export const MAX_MAIL_ATTEMPTS = 10;
/** A sender holds the mails it took this long; if it dies meanwhile another sends them then. */
const LEASE_MS = 5 * 60_000;

/** Wait before the next try after `attempts` failed ones: 30 s, 1 min, 2 min, … at most 6 hours. */
export function mailRetryDelayMs(attempts: number): number {
  return Math.min(6 * 3600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

interface ClaimedMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

let running: Promise<unknown> | null = null;

/**
 * Sends the mails that are due, in the background of whoever calls it (the heartbeat,
 * or the message processor right after it queued some). Each mail is claimed with SKIP
 * LOCKED and a lease, so instances never send one twice at once; a failure leaves it
 * queued with the error and a later attempt time. Never throws for a mail server's fault.
 */
export async function drainMailOutbox(now: Date = new Date(), limit = 20): Promise<{ sent: number; failed: number }> {
  if (!mailEnabled()) return { sent: 0, failed: 0 };
  const claimed = await db().$queryRaw<ClaimedMail[]>`
    UPDATE "MailOutbox" SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "MailOutbox" WHERE "nextAttemptAt" <= ${now} ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "to", "subject", "text", "html", "attempts"`;
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const from = mailFrom((await getSiteSettings()).siteName);
  let sent = 0;
  let failed = 0;
  for (const mail of claimed) {
    try {
      await sendMail(mail, from);
      await db().mailOutbox.update({ where: { id: mail.id }, data: { sentAt: new Date(), nextAttemptAt: null, lastError: "" } });
      sent++;
    } catch (error) {
      const giveUp = mail.attempts >= MAX_MAIL_ATTEMPTS;
      await db().mailOutbox.update({
        where: { id: mail.id },
        data: { lastError: String((error as Error).message ?? error).slice(0, 1000), nextAttemptAt: giveUp ? null : new Date(now.getTime() + mailRetryDelayMs(mail.attempts)) },
      });
      failed++;
    }
  }
  return { sent, failed };
}

/** Starts a drain unless one is under way in this process; never waits, never throws. */
export function kickMailOutbox(): void {
  if (running) return;
  running = drainMailOutbox()
    .catch((error) => console.warn("[mail] sending failed:", (error as Error).message))
    .finally(() => {
      running = null;
    });
}

/** Resolves when this process's background drain, if any, has finished (tests, shutdown). */
export async function mailOutboxSettled(): Promise<void> {
  await running;
}
