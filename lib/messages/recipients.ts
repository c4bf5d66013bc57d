import type { MessageKind } from "@/generated/prisma/enums";
import type { Prisma } from "@/lib/db/client";
import { currentRound } from "@/lib/workflow/round";
import { isCountersign, levelRule, reviewersForLevel } from "@/lib/workflow/reviewers";
import { messageBody } from "./text";

type Client = Pick<Prisma.TransactionClient, "user" | "workflowEvent" | "article" | "articleRevision" | "columnReviewLevel">;

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
  // The round as it stood right after the event: the processor may tell of it a little later.
  const round = await currentRound(tx, event.articleId, event.id);
  const owners = [article.createdById, round.submitterId];
  const say = (kind: MessageKind, to: (number | null)[], values: { level?: number; comment?: string } = {}): PlannedMessage[] => {
    const text = messageBody(kind, { title: article.title, levels, ...values });
    const ids = [...new Set(to)].filter((id): id is number => id !== null && id !== event.actorId);
    return ids.map((recipientId) => ({ recipientId, kind, text }));
  };
  // Who may approve the level now, by the column's rule (lib/workflow/reviewers.ts: named
  // reviewers, 或签/会签, not the author, submitter, this round's writers or approvers).
  const reviewersOf = (level: number) => reviewersForLevel(tx, { id: event.articleId, columnId: article.columnId, createdById: article.createdById }, level, event.id);
  const isCountersignLevel = async (level: number) => isCountersign(await levelRule(tx, article.columnId, level));
  // Who is told that a level waits: whom the level names; else the column's own reviewers
  // (admins may approve anywhere, but hear of a column's articles only when it has nobody else).
  const toTell = async (level: number) => {
    const eligible = await reviewersOf(level);
    if (eligible.length === 0 || (await levelRule(tx, article.columnId, level)).named.length > 0) return eligible;
    const members = await tx.user.findMany({ where: { id: { in: eligible }, columns: { some: { columnId: article.columnId } } }, select: { id: true }, orderBy: { id: "asc" } });
    return members.length > 0 ? members.map((m) => m.id) : eligible;
  };
  const waitingFor = async (level: number) => say("REVIEW_WAITING", await toTell(level), { level });

  switch (event.action) {
    case "submit":
    case "restart":
      return waitingFor(1);
    case "approve": {
      if (event.toStatus === "APPROVED") return say("APPROVED", owners);
      // A 会签 signature that leaves others to sign: they were told already; the level waits on.
      const stillSigning = (await isCountersignLevel(event.level)) && (await reviewersOf(event.level)).length > 0;
      return stillSigning ? [] : waitingFor(event.level + 1);
    }
    case "reject":
      return say("RETURNED", owners, { comment: event.comment });
    case "sendBack":
      // 退回上一级: the reopened level's reviewers must approve again, with the comment.
      return say("RETURNED", await toTell(event.level), { comment: event.comment });
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
