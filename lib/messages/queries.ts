import "server-only";
import { db } from "@/lib/db/client";

export const MESSAGES_PER_PAGE = 50;

/** The header's badge: the user's unread messages. */
export function unreadMessageCount(userId: number): Promise<number> {
  return db().message.count({ where: { recipientId: userId, readAt: null } });
}

/** The user's own messages, newest first (never anyone else's: the recipient is the filter). */
export async function listMessages(userId: number, page = 1) {
  const where = { recipientId: userId };
  const [total, rows] = await Promise.all([
    db().message.count({ where }),
    db().message.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * MESSAGES_PER_PAGE,
      take: MESSAGES_PER_PAGE,
      select: { id: true, kind: true, text: true, articleId: true, createdAt: true, readAt: true, actor: { select: { name: true } } },
    }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / MESSAGES_PER_PAGE)) };
}

export type MessageRow = Awaited<ReturnType<typeof listMessages>>["rows"][number];

/** Does the user want the messages' mail (the account page's opt-out)? */
export async function messageMailOf(userId: number): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { messageMail: true } });
  return user?.messageMail ?? true;
}
