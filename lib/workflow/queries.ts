import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { approvalRefusal, currentRound } from "./round";
import { ACTION_PERMISSION, availableActions } from "./transitions";

/** The article's history, newest first, for the editor's workflow panel. */
export async function getWorkflowHistory(articleId: number) {
  return db().workflowEvent.findMany({
    where: { articleId },
    orderBy: { id: "desc" },
    take: 100,
    include: { actor: { select: { name: true } } },
  });
}

/**
 * What this user may do with the article now: the state's actions, filtered by the
 * permission rules and the review rules (no self-approval, one level per person, no
 * approval by who edited it during the review, 撤回 by the submitter only).
 */
export async function getWorkflowOptions(articleId: number, actor: Actor) {
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: {
      id: true, status: true, reviewLevel: true, live: true, columnId: true, createdById: true,
      liveRevisionId: true, scheduledAt: true, withdrawnReason: true, column: { select: { reviewLevels: true } },
    },
  });
  if (!article) return null;
  const scope = { columnId: article.columnId, createdById: article.createdById, status: article.status, everPublished: article.liveRevisionId !== null };
  let actions = availableActions({ ...article, reviewLevels: article.column.reviewLevels }).filter((a) => can(actor, ACTION_PERMISSION[a], scope));
  if (actions.includes("approve") || actions.includes("recall")) {
    const round = await currentRound(db(), articleId);
    if (approvalRefusal(round, article, actor)) actions = actions.filter((a) => a !== "approve");
    if (round.submitterId !== actor.id) actions = actions.filter((a) => a !== "recall");
  }
  return { article, reviewLevels: article.column.reviewLevels, actions };
}
