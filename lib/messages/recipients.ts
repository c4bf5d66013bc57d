import type { MessageKind } from "@/generated/prisma/enums";
import type { Prisma } from "@/lib/db/client";
import { reviewersOfLevel } from "./reviewers";
import { messageBody } from "./text";

type Client = Pick<Prisma.TransactionClient, "user" | "workflowEvent" | "article">;

export interface EventForMessages {
  id: number;
  articleId: number;
  actorId: number | null;
  action: string;
  toStatus: string;
  level: number;
  comment: string;
}

export interface PlannedMessage {
  recipientId: number;
  kind: MessageKind;
  text: string;
}

/** The round as it stood when `event` was written: its submitter and who had approved since it began. */
async function roundAt(tx: Client, articleId: number, eventId: number) {
  const events = await tx.workflowEvent.findMany({
    where: { articleId, id: { lte: eventId } },
    orderBy: { id: "desc" },
    take: 200,
    select: { action: true, actorId: true },
  });
  const approverIds: number[] = [];
  let restarted = false;
  for (const e of events) {
    if (e.action === "approve" && !restarted && e.actorId) approverIds.push(e.actorId);
    if (e.action === "restart") restarted = true;
    if (e.action === "submit") return { submitterId: e.actorId, approverIds };
  }
  return { submitterId: null, approverIds };
}

/**
 * Who is told of a workflow event, and what: the reviewers of the level it now waits
 * for; the author and the submitter when it is returned, fully approved, published,
 * withdrawn or published late (with whoever scheduled it). Never the one who acted.
 */
export async function messagesForEvent(tx: Client, event: EventForMessages): Promise<PlannedMessage[]> {
  const article = await tx.article.findUnique({
    where: { id: event.articleId },
    select: { title: true, columnId: true, createdById: true, column: { select: { reviewLevels: true } } },
  });
  if (!article) return [];
  const levels = article.column.reviewLevels;
  const round = await roundAt(tx, event.articleId, event.id);
  const owners = [article.createdById, round.submitterId];
  const say = (kind: MessageKind, to: (number | null)[], values: { level?: number; comment?: string } = {}): PlannedMessage[] => {
    const text = messageBody(kind, { title: article.title, levels, ...values });
    const ids = [...new Set(to)].filter((id): id is number => id !== null && id !== event.actorId);
    return ids.map((recipientId) => ({ recipientId, kind, text }));
  };
  const waitingFor = async (level: number) => {
    // An edit that restarted the round was made by its writer: they may not approve it either.
    const approverIds = event.action === "restart" && event.actorId ? [event.actorId] : round.approverIds;
    return say("REVIEW_WAITING", await reviewersOfLevel(tx, article, level, { submitterId: round.submitterId, approverIds }), { level });
  };

  switch (event.action) {
    case "submit":
    case "restart":
      return waitingFor(1);
    case "approve":
      return event.toStatus === "APPROVED" ? say("APPROVED", owners) : waitingFor(event.level + 1);
    case "reject":
      return say("RETURNED", owners, { comment: event.comment });
    case "publish":
      return say("PUBLISHED", owners);
    case "publishDue": {
      if (!event.comment) return say("PUBLISHED", owners);
      // The scheduler writes a comment only when it published late.
      const scheduler = await tx.workflowEvent.findFirst({
        where: { articleId: event.articleId, action: "schedule", id: { lt: event.id } },
        orderBy: { id: "desc" },
        select: { actorId: true },
      });
      return say("PUBLISHED_LATE", [...owners, scheduler?.actorId ?? null]);
    }
    case "withdraw":
      return say("WITHDRAWN", owners, { comment: event.comment });
    default:
      // recall, schedule, unschedule: nobody waits on them.
      return [];
  }
}
