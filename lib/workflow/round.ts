import { ActionError } from "@/lib/actions/errors";
import type { Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/client";

type Client = Pick<Prisma.TransactionClient, "workflowEvent" | "articleRevision">;

export interface ReviewRound {
  /** Who submitted the article (null: it was never submitted). */
  submitterId: number | null;
  /** Who approved a level since the round began (its submission, or the last edit that restarted it). */
  approverIds: number[];
  /** Those approvals, with the level each approved; a 退回上一级 voids the ones of the levels it reopens. */
  approvals: { actorId: number; level: number; version: number | null }[];
  /**
   * Who wrote a revision since the submission: they cannot approve what is partly their
   * own text. Counted from the submission, not from the last restart, so that one
   * reviewer's rewrite cannot be approved by them after someone else's small edit.
   */
  writerIds: number[];
}

/**
 * The current review round, read from the history: it begins at the latest "submit"
 * or "restart" (an edit during review voids the approvals given before it). A
 * "sendBack" to level n voids the approvals of level n and above given before it.
 * `asOfEventId`: the round as it stood right after that event (the 站内消息 tell of an event later).
 */
export async function currentRound(tx: Client, articleId: number, asOfEventId?: number): Promise<ReviewRound> {
  const events = await tx.workflowEvent.findMany({
    where: { articleId, ...(asOfEventId === undefined ? {} : { id: { lte: asOfEventId } }) },
    orderBy: { id: "desc" },
    take: 200,
    select: { action: true, actorId: true, level: true, version: true, createdAt: true },
  });
  const approvals: ReviewRound["approvals"] = [];
  let restarted = false;
  let reopenedFrom = Infinity;
  for (const event of events) {
    if (event.action === "approve" && !restarted && event.actorId && event.level < reopenedFrom) {
      approvals.push({ actorId: event.actorId, level: event.level, version: event.version });
    }
    if (event.action === "sendBack") reopenedFrom = Math.min(reopenedFrom, event.level);
    if (event.action === "restart") restarted = true;
    if (event.action === "submit") {
      // Submissions recorded before events carried a version: compare times instead.
      const since = event.version !== null ? { version: { gt: event.version } } : { createdAt: { gt: event.createdAt } };
      const writers = await tx.articleRevision.findMany({ where: { articleId, ...since }, select: { authorId: true }, distinct: ["authorId"] });
      return { submitterId: event.actorId, approverIds: approvals.map((a) => a.actorId), approvals, writerIds: writers.map((w) => w.authorId) };
    }
  }
  return { submitterId: null, approverIds: approvals.map((a) => a.actorId), approvals, writerIds: [] };
}

/** Why this actor may not approve the round, or null when they may. */
export function approvalRefusal(round: ReviewRound, article: { createdById: number }, actor: Pick<Actor, "id">): string | null {
  if (article.createdById === actor.id) return "不能审核自己撰写的文章。";
  if (round.submitterId === actor.id) return "不能审核自己提交的文章。";
  if (round.writerIds.includes(actor.id)) return "您在本轮审核中修改过这篇文章，不能再审核通过，请由其他审核人员审核。";
  if (round.approverIds.includes(actor.id)) return "您在本轮审核中已经审核通过过一次，同一人不能审核同一篇文章的两级，也不能在会签中签两次。";
  return null;
}

/** 撤回: only who submitted this round, and only before anyone approved (the transition table checks the level). */
export async function assertMayRecall(tx: Client, articleId: number, actor: Actor): Promise<void> {
  const round = await currentRound(tx, articleId);
  if (round.submitterId !== actor.id) throw new ActionError("forbidden", "只有提交人可以撤回自己的送审。");
  // A 会签 signature of level 1 leaves the level at 0: the round is no longer untouched.
  if (round.approvals.length > 0) throw new ActionError("conflict", "已有审核人员签署意见，不能再撤回，请联系审核人员退回。");
}

/**
 * Publication publishes the version the last approval approved, and no other. Every save
 * after approval already sends the article back (lib/articles/mutations.ts); this is the
 * rule itself, for any path that might not. Approvals recorded before versions were (null) pass.
 */
export async function assertApprovedVersion(tx: Client, article: { id: number; version: number }): Promise<void> {
  const last = await tx.workflowEvent.findFirst({ where: { articleId: article.id, action: "approve" }, orderBy: { id: "desc" }, select: { version: true } });
  if (last?.version != null && last.version !== article.version) {
    throw new ActionError("conflict", `审核通过的是第 ${last.version} 版，文章现在是第 ${article.version} 版：请重新送审后再发布。`);
  }
}

/**
 * An edit of an article in review: the round begins again at level 0, the approvals
 * given so far are void, and the history says so — once per person editing in a row,
 * not at every autosave (the audit log keeps every save).
 */
export async function restartRound(
  tx: Prisma.TransactionClient,
  input: { articleId: number; actorId: number; version: number; reviewLevelBefore: number; now?: Date },
): Promise<void> {
  const last = await tx.workflowEvent.findFirst({ where: { articleId: input.articleId }, orderBy: { id: "desc" }, select: { action: true, actorId: true } });
  if (last?.action === "restart" && last.actorId === input.actorId) return;
  await tx.workflowEvent.create({
    data: {
      articleId: input.articleId,
      actorId: input.actorId,
      action: "restart",
      fromStatus: "IN_REVIEW",
      toStatus: "IN_REVIEW",
      level: 0,
      version: input.version,
      comment: input.reviewLevelBefore > 0 ? `此前已通过 ${input.reviewLevelBefore} 级` : "",
      createdAt: input.now ?? new Date(),
    },
  });
}
