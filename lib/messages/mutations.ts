import { ActionError } from "@/lib/actions/errors";
import { db } from "@/lib/db/client";
import { MESSAGE_TEXT } from "./text";

/** Marks one of the user's own messages read; another user's message is "not found", not a hint that it exists. */
export async function markMessageRead(userId: number, id: number, now = new Date()): Promise<void> {
  const message = await db().message.findFirst({ where: { id, recipientId: userId }, select: { readAt: true } });
  if (!message) throw new ActionError("not_found", MESSAGE_TEXT.notYours);
  if (!message.readAt) await db().message.updateMany({ where: { id, recipientId: userId, readAt: null }, data: { readAt: now } });
}

export async function markAllMessagesRead(userId: number, now = new Date()): Promise<number> {
  const { count } = await db().message.updateMany({ where: { recipientId: userId, readAt: null }, data: { readAt: now } });
  return count;
}

export async function setMessageMail(userId: number, messageMail: boolean): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { messageMail } });
}
