import { ActionError } from "@/lib/actions/errors";
import { auditBy } from "@/lib/audit/by";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db, Prisma } from "@/lib/db/client";
import { locationInclude, locationOf, refreshArticle } from "@/lib/articles/paths";
import { t } from "@/lib/i18n/zh-CN";
import { approvalCompletesLevel, levelRefusal, levelReview } from "./reviewers";
import { assertApprovedVersion, assertMayRecall } from "./round";
import { assertNoBlockingWords } from "./word-check";
import { ACTION_PERMISSION, transition, type UserAction } from "./transitions";

export interface WorkflowActor extends Actor {
  email: string;
}

export interface TransitionInput {
  articleId: number;
  action: UserAction;
  actor: WorkflowActor;
  comment?: string;
  /** For "approve": the version the reviewer read. The approval holds for that version only. */
  version?: number;
  /** For "schedule"; for the last approval with `then: "schedule"`. */
  scheduledAt?: Date;
  /** For "submit": the 拟发布时间 the submitter proposes. */
  proposedPublishAt?: Date | null;
  /** For the approval that passes the last level: publish now or schedule, in the same transaction. */
  then?: "publish" | "schedule";
  /** For "publish" of an article that was public before: a public 更正说明. */
  correction?: string;
  now?: Date;
}

/** An article as the workflow reads it: where it is listed (locationOf) and its column's review levels. */
export const articleForWorkflow = {
  ...locationInclude,
  column: { select: { ...locationInclude.column.select, reviewLevels: true } },
} satisfies Prisma.ArticleInclude;

type WorkflowArticle = Prisma.ArticleGetPayload<{ include: typeof articleForWorkflow }>;

/**
 * Moves an article along the workflow in one transaction: lock the row, re-check the
 * state and the actor's rights, write the new state, the history event and the audit
 * entry. Public pages are refreshed after the commit when what the public sees changed.
 */
export async function runTransition(input: TransitionInput) {
  const now = input.now ?? new Date();
  const result = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${input.articleId} FOR UPDATE`;
    const article = await tx.article.findUnique({ where: { id: input.articleId }, include: articleForWorkflow });
    if (!article) throw new ActionError("not_found", "文章不存在或已被删除。");
    const approved = await step(tx, article, input, now);
    // The last approver keeps the proposed time (schedule) or publishes now: one decision, one transaction.
    const after =
      input.action === "approve" && input.then && approved.status === "APPROVED"
        ? await step(tx, approved, { ...input, action: input.then, comment: "" }, now)
        : approved;
    return { before: article, after };
  });
  if (result.before.live || result.after.live) await refreshArticle(locationOf(result.before), locationOf(result.after));
  return { id: result.after.id, status: result.after.status, reviewLevel: result.after.reviewLevel };
}

/** One transition of a locked article: re-check the state and the actor's rights, write the state, the history event and the audit entry. */
async function step(tx: Prisma.TransactionClient, article: WorkflowArticle, input: TransitionInput, now: Date): Promise<WorkflowArticle> {
  const { actor } = input;
  assertCan(actor, ACTION_PERMISSION[input.action], {
    columnId: article.columnId,
    createdById: article.createdById,
    status: article.status,
    everPublished: article.liveRevisionId !== null,
  });
  let levelComplete = true;
  if (input.action === "approve" && article.status === "IN_REVIEW") {
    if (input.version === undefined) throw new ActionError("invalid", "缺少所审核的版本，请刷新页面后重新审核。");
    if (input.version !== article.version) {
      throw new ActionError(
        "conflict",
        `文章已被修改（您审核的是第 ${input.version} 版，现在是第 ${article.version} 版），请刷新后重新审核。`,
      );
    }
    const review = await levelReview(tx, article, article.reviewLevel + 1);
    const refusal = levelRefusal(review, article, actor);
    if (refusal) throw new ActionError("forbidden", refusal);
    levelComplete = approvalCompletesLevel(review, actor.id);
  }
  const next = transition(
    { status: article.status, reviewLevel: article.reviewLevel, reviewLevels: article.column.reviewLevels, live: article.live, levelComplete },
    input.action,
  );
  if (!next) {
    throw new ActionError("conflict", `文章当前状态为“${t.admin[`status_${article.status}`]}”，不能${actionVerb(input.action)}。请刷新页面后重试。`);
  }

  const data: Prisma.ArticleUncheckedUpdateInput = { status: next.status, reviewLevel: next.reviewLevel };
  const comment = input.comment?.trim() ?? "";
  switch (input.action) {
    case "submit":
      await assertNoBlockingWords(tx, article);
      if (input.proposedPublishAt && input.proposedPublishAt.getTime() <= now.getTime()) {
        throw new ActionError("invalid", "拟发布时间须晚于当前时间。");
      }
      data.proposedPublishAt = input.proposedPublishAt ?? null;
      break;
    case "recall":
      await assertMayRecall(tx, article.id, actor);
      break;
    case "schedule":
      await assertApprovedVersion(tx, article);
      if (!input.scheduledAt || input.scheduledAt.getTime() <= now.getTime()) {
        throw new ActionError("invalid", "定时发布时间须晚于当前时间。");
      }
      data.scheduledAt = input.scheduledAt;
      break;
    case "unschedule":
      data.scheduledAt = null;
      break;
    case "publish":
      await assertApprovedVersion(tx, article);
      Object.assign(data, await goLive(tx, article, now));
      if (input.correction?.trim() && article.live) {
        await tx.correction.create({ data: { articleId: article.id, note: input.correction.trim(), createdAt: now } });
      }
      break;
    case "withdraw":
      // The form and the action's schema ask for it too; this is the rule itself.
      if (!comment) throw new ActionError("invalid", "请填写撤稿原因。");
      Object.assign(data, { live: false, withdrawnAt: now, withdrawnReason: comment, scheduledAt: null });
      break;
  }
  const updated = await tx.article.update({ where: { id: article.id }, data, include: articleForWorkflow });
  await tx.workflowEvent.create({
    data: {
      articleId: article.id,
      actorId: actor.id,
      action: input.action,
      fromStatus: article.status,
      toStatus: next.status,
      // approve: the level approved; sendBack: the level reopened; otherwise the level reached.
      level: input.action === "approve" ? article.reviewLevel + 1 : input.action === "sendBack" ? next.reviewLevel + 1 : next.reviewLevel,
      // What was submitted, approved or published: an approval of an older version does not count.
      version: ["submit", "approve", "publish"].includes(input.action) ? article.version : null,
      comment: comment || (input.action === "schedule" ? input.scheduledAt!.toISOString() : ""),
      createdAt: now,
    },
  });
  // auditBy: with the client's address and browser, like logins and saves.
  await auditBy(
    actor,
    {
      action: `article.${input.action}`,
      targetType: "article",
      targetId: article.id,
      detail: {
        from: article.status,
        to: next.status,
        level: next.reviewLevel,
        version: article.version,
        comment,
        ...(input.action === "submit" && input.proposedPublishAt ? { proposedPublishAt: input.proposedPublishAt.toISOString() } : {}),
      },
    },
    tx,
  );
  return updated;
}

/**
 * The live revision becomes the one that saved the current version of the working
 * copy; the 公开日期 is the one the editor chose, or now.
 */
export async function goLive(tx: Prisma.TransactionClient, article: WorkflowArticle, now: Date) {
  const revision = await tx.articleRevision.findUnique({
    where: { articleId_version: { articleId: article.id, version: article.version } },
    select: { id: true },
  });
  if (!revision) throw new ActionError("conflict", "找不到当前版本的修订记录，请保存后再发布。");
  return {
    live: true,
    liveRevisionId: revision.id,
    publishedAt: article.publishedAt ?? now,
    withdrawnAt: null,
    withdrawnReason: null,
    scheduledAt: null,
  } satisfies Prisma.ArticleUncheckedUpdateInput;
}

function actionVerb(action: TransitionInput["action"]) {
  return { submit: "提交审核", recall: "撤回", approve: "审核通过", reject: "退回", sendBack: "退回上一级", publish: "发布", schedule: "定时发布", unschedule: "取消定时", withdraw: "撤稿" }[action];
}
