import { db, type Prisma } from "@/lib/db/client";
import { siteUrl } from "@/lib/env";
import { composeMessageMail } from "@/lib/mail/compose";
import { kickMailOutbox } from "@/lib/mail/outbox";
import { mailEnabled } from "@/lib/mail/transport";
import { getSiteSettings } from "@/lib/settings/queries";
import { messagesForEvent } from "./recipients";

/**
 * Events younger than this stay ahead of the cursor and are read again next time: a
 * transaction that took a lower event id may commit after one that took a higher id,
 * and the cursor must not pass it. The workflow's transactions last seconds at most;
 * reading an event twice writes nothing twice (Message is unique per event and person).
 */
const SETTLE_MS = 60_000;
const BATCH = 200;

/**
 * The outbox processor: turns WorkflowEvent rows after the cursor into 站内消息 (and
 * queued mail) in one transaction with the cursor. Called after every workflow action
 * and by the heartbeat as a catch-up. One instance works at a time (the cursor row is
 * locked; another instance skips instead of waiting). Returns the messages written.
 */
export async function processMessages(now: Date = new Date()): Promise<number> {
  let written = 0;
  let queuedMail = false;
  for (;;) {
    const batch = await db().$transaction(async (tx) => {
      const cursor = await tx.$queryRaw<{ lastEventId: number }[]>`
        SELECT "lastEventId" FROM "MessageCursor" WHERE "id" = 1 FOR UPDATE SKIP LOCKED`;
      if (cursor.length === 0) return null; // another instance holds it
      const events = await tx.workflowEvent.findMany({
        where: { id: { gt: cursor[0].lastEventId } },
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true, articleId: true, actorId: true, action: true, toStatus: true, level: true, comment: true, createdAt: true },
      });
      const planned: Prisma.MessageCreateManyInput[] = [];
      for (const event of events) {
        for (const m of await messagesForEvent(tx, event)) planned.push({ ...m, eventId: event.id, articleId: event.articleId, actorId: event.actorId, createdAt: event.createdAt });
      }
      const created = planned.length ? await tx.message.createManyAndReturn({ data: planned, skipDuplicates: true, select: { id: true } }) : [];
      const mails = mailEnabled() && created.length ? await queueMail(tx, created.map((m) => m.id)) : 0;
      let settled = cursor[0].lastEventId;
      for (const event of events) {
        if (now.getTime() - event.createdAt.getTime() < SETTLE_MS) break;
        settled = event.id;
      }
      if (settled !== cursor[0].lastEventId) await tx.messageCursor.update({ where: { id: 1 }, data: { lastEventId: settled } });
      return { created: created.length, mails, full: events.length === BATCH && settled !== cursor[0].lastEventId };
      // A batch reads the recipients of up to BATCH events, and the unsettled ones again at every tick: on a
      // busy server that outlasts Prisma's default of 5 s, and a batch rolled back at its timeout would be
      // tried again, and time out again, at every tick. The cursor's lock only makes other instances skip.
    }, { timeout: 60_000 });
    if (!batch) break;
    written += batch.created;
    queuedMail ||= batch.mails > 0;
    if (!batch.full) break;
  }
  if (queuedMail) kickMailOutbox();
  return written;
}

/** The mail of each new message whose recipient wants mail, queued with it. */
async function queueMail(tx: Prisma.TransactionClient, messageIds: number[]): Promise<number> {
  const messages = await tx.message.findMany({
    where: { id: { in: messageIds }, recipient: { messageMail: true, disabled: false } },
    select: { id: true, kind: true, text: true, articleId: true, recipient: { select: { email: true } }, article: { select: { title: true } } },
  });
  if (messages.length === 0) return 0;
  const { siteName } = await getSiteSettings();
  const base = siteUrl();
  await tx.mailOutbox.createMany({
    data: messages.map((m) => ({
      messageId: m.id,
      to: m.recipient.email,
      ...composeMessageMail({ siteName, siteUrl: base, kind: m.kind, title: m.article?.title ?? "", text: m.text, articleId: m.articleId }),
    })),
  });
  return messages.length;
}

/** For the workflow's actions: messages right after the commit, but a failure here never fails the action (the heartbeat catches up). */
export async function deliverMessagesQuietly(): Promise<void> {
  try {
    await processMessages();
  } catch (error) {
    console.warn("[messages] processing failed, the heartbeat will retry:", (error as Error).message);
  }
}

/** The heartbeat's catch-up: events an action's own call missed (saves, publishDue, a crash), and mail due for a retry. */
export async function catchUpMessages(): Promise<void> {
  await processMessages();
  kickMailOutbox();
}
