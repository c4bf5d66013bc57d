import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { approvalCompletesLevel, levelRefusal, levelReview, type LevelReview } from "./reviewers";
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
 * permission rules and the review rules (who the level names, no self-approval, one
 * level per person, no approval by who edited it during the review, 撤回 by the
 * submitter only) — and, when they may review but not approve, why.
 */
export async function getWorkflowOptions(articleId: number, actor: Actor) {
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: {
      id: true, status: true, reviewLevel: true, live: true, columnId: true, createdById: true, liveRevisionId: true,
      scheduledAt: true, proposedPublishAt: true, withdrawnReason: true, column: { select: { reviewLevels: true } },
    },
  });
  if (!article) return null;
  const scope = { columnId: article.columnId, createdById: article.createdById, status: article.status, everPublished: article.liveRevisionId !== null };
  let actions = availableActions({ ...article, reviewLevels: article.column.reviewLevels }).filter((a) => can(actor, ACTION_PERMISSION[a], scope));
  let review: LevelReview | null = null;
  let noApprovalReason: string | null = null;
  let approvalIsLast = false;
  if (article.status === "IN_REVIEW") {
    review = await levelReview(db(), article, article.reviewLevel + 1);
    if (actions.includes("approve")) {
      noApprovalReason = levelRefusal(review, article, actor);
      if (noApprovalReason) actions = actions.filter((a) => a !== "approve");
      approvalIsLast = article.reviewLevel + 1 >= article.column.reviewLevels && approvalCompletesLevel(review, actor.id);
    }
    if (review.round.submitterId !== actor.id || review.round.approvals.length > 0) actions = actions.filter((a) => a !== "recall");
  }
  const people = review ? await levelPeople(review) : null;
  return { article, reviewLevels: article.column.reviewLevels, actions, review, people, noApprovalReason, approvalIsLast };
}

/** Names for the panel: who signed the level this round, and — when the level names people — who has not yet. */
async function levelPeople(review: LevelReview) {
  const named = review.rule.named.length > 0;
  const ids = [...review.signed, ...(named ? review.waiting : [])];
  const users = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const nameOf = (id: number) => users.find((u) => u.id === id)?.name ?? `#${id}`;
  return { signed: review.signed.map(nameOf), waiting: named ? review.waiting.map(nameOf) : null };
}
