import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { currentRound } from "./mutations";
import { availableActions, type WorkflowAction } from "./transitions";

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
 * permission rules and the review rules (no self-approval, one level per person).
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
  const permission: Record<WorkflowAction, Parameters<typeof can>[1]> = {
    submit: "article:submit", approve: "article:review", reject: "article:review", publish: "article:publish",
    schedule: "article:publish", unschedule: "article:publish", withdraw: "article:withdraw", publishDue: "article:publish",
  };
  let actions = availableActions({ ...article, reviewLevels: article.column.reviewLevels }).filter((a) => can(actor, permission[a], scope));
  if (actions.includes("approve")) {
    const round = await currentRound(db(), articleId);
    const mayApprove = article.createdById !== actor.id && round.submitterId !== actor.id && !round.approverIds.includes(actor.id);
    if (!mayApprove) actions = actions.filter((a) => a !== "approve");
  }
  return { article, reviewLevels: article.column.reviewLevels, actions };
}
