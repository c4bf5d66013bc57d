import type { SignMode } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/client";
import { approvalRefusal, currentRound, type ReviewRound } from "./round";
import { LEVEL_NAMES } from "./transitions";

type Client = Pick<Prisma.TransactionClient, "workflowEvent" | "articleRevision" | "columnReviewLevel" | "user">;

/** What the workflow needs of an article to say who reviews it. */
export interface ReviewedArticle {
  id: number;
  columnId: number;
  createdById: number;
}

/** Who a column names for one level: users named directly or through a reviewer group (enabled ones). */
export interface LevelRule {
  mode: SignMode;
  named: { id: number; name: string }[];
}

/** The level's rule as the column's settings say; nobody named: any reviewer of the column (或签). */
export async function levelRule(tx: Pick<Client, "columnReviewLevel">, columnId: number, level: number): Promise<LevelRule> {
  const row = await tx.columnReviewLevel.findUnique({
    where: { columnId_level: { columnId, level } },
    select: {
      mode: true,
      reviewers: { select: { user: { select: { id: true, name: true, disabled: true } } } },
      group: { select: { members: { select: { user: { select: { id: true, name: true, disabled: true } } } } } },
    },
  });
  if (!row) return { mode: "ANY", named: [] };
  const named = new Map<number, string>();
  for (const { user } of [...row.reviewers, ...(row.group?.members ?? [])]) if (!user.disabled) named.set(user.id, user.name);
  return { mode: row.mode, named: [...named].map(([id, name]) => ({ id, name })).sort((a, b) => a.id - b.id) };
}

/** Enabled users with the right to review in the column: its reviewers, and every admin. */
async function columnReviewerIds(tx: Pick<Client, "user">, columnId: number): Promise<number[]> {
  const users = await tx.user.findMany({
    where: { disabled: false, OR: [{ role: "ADMIN" }, { role: "REVIEWER", columns: { some: { columnId } } }] },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return users.map((u) => u.id);
}

/**
 * The rule itself, pure: of the users who may review in the column (and, when the level
 * names people, are named), those the round's rules let approve now — not the author,
 * the submitter or who rewrote it this round, and not who already approved in this round
 * (an earlier level, or this one as a 会签 signer).
 */
export function eligibleReviewers(rule: LevelRule, columnReviewers: number[], round: ReviewRound, article: Pick<ReviewedArticle, "createdById">): number[] {
  const pool = rule.named.length > 0 ? rule.named.map((u) => u.id).filter((id) => columnReviewers.includes(id)) : columnReviewers;
  return pool.filter((id) => approvalRefusal(round, article, { id }) === null);
}

/** Is the level a 会签 (all named must sign)? A level naming nobody is 或签 whatever its mode says. */
export function isCountersign(rule: LevelRule): boolean {
  return rule.mode === "ALL" && rule.named.length > 0;
}

/**
 * The user ids who may approve `level` of the article now — or, given `asOfEventId`, right
 * after that event. The one source for "who is waiting to review this": the approval
 * check, the 工作台, the workflow panel and the 站内消息 use it.
 */
export async function reviewersForLevel(tx: Client, article: ReviewedArticle, level: number, asOfEventId?: number): Promise<number[]> {
  const { rule, columnReviewers, round } = await readLevel(tx, article, level, asOfEventId);
  return eligibleReviewers(rule, columnReviewers, round, article);
}

/**
 * What decides a level's reviewers: its rule, the column's reviewers, the current round.
 * One query after another: inside a transaction they share one connection, which runs a
 * query at a time (pg deprecates queueing a second while one runs, and pg 9 refuses it).
 */
async function readLevel(tx: Client, article: ReviewedArticle, level: number, asOfEventId?: number) {
  const rule = await levelRule(tx, article.columnId, level);
  const columnReviewers = await columnReviewerIds(tx, article.columnId);
  const round = await currentRound(tx, article.id, asOfEventId);
  return { rule, columnReviewers, round };
}

export interface LevelReview {
  level: number;
  rule: LevelRule;
  round: ReviewRound;
  /** Who may approve the level now. */
  waiting: number[];
  /** Who approved this level in the current round (会签 signers so far). */
  signed: number[];
}

/** Everything the panel and the approval need to know about the level under review. */
export async function levelReview(tx: Client, article: ReviewedArticle, level: number): Promise<LevelReview> {
  const { rule, columnReviewers, round } = await readLevel(tx, article, level);
  const signed = round.approvals.filter((a) => a.level === level).map((a) => a.actorId);
  return { level, rule, round, waiting: eligibleReviewers(rule, columnReviewers, round, article), signed };
}

/** Why this actor may not approve the level now, or null when they may. */
export function levelRefusal(review: LevelReview, article: Pick<ReviewedArticle, "createdById">, actor: Pick<Actor, "id">): string | null {
  const refusal = approvalRefusal(review.round, article, actor);
  if (refusal) return refusal;
  if (review.waiting.includes(actor.id)) return null;
  if (review.rule.named.length > 0) {
    return `本级（${LEVEL_NAMES[review.level]}）由指定人员审核：${review.rule.named.map((u) => u.name).join("、")}。`;
  }
  return "您不是本栏目的审核人员。";
}

/** Does this approval pass the level: 或签, or the last 会签 signer still waiting? */
export function approvalCompletesLevel(review: LevelReview, actorId: number): boolean {
  return !isCountersign(review.rule) || review.waiting.every((id) => id === actorId);
}
