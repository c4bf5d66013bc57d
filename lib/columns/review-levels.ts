import "server-only";
import { ActionError } from "@/lib/actions/errors";
import type { Prisma } from "@/lib/db/client";
import { assertReviewers } from "@/lib/reviewer-groups/guards";
import type { LevelReviewersInput } from "./schema";

type Tx = Prisma.TransactionClient;

/** The column's named reviewers per level, as the form edits them and the audit records them. */
export async function readLevelReviewers(tx: Pick<Tx, "columnReviewLevel">, columnId: number): Promise<LevelReviewersInput[]> {
  const rows = await tx.columnReviewLevel.findMany({
    where: { columnId },
    orderBy: { level: "asc" },
    select: { level: true, mode: true, groupId: true, reviewers: { select: { userId: true }, orderBy: { userId: "asc" } } },
  });
  return rows.map(({ reviewers, ...r }) => ({ ...r, userIds: reviewers.map((u) => u.userId) }));
}

/**
 * Replaces the column's named reviewers with the form's: levels beyond the column's
 * review levels and levels naming nobody are not kept (they mean "any reviewer").
 */
export async function writeLevelReviewers(tx: Tx, columnId: number, reviewLevels: number, levels: LevelReviewersInput[]): Promise<LevelReviewersInput[]> {
  const kept: LevelReviewersInput[] = [];
  for (const l of levels) {
    if (l.level > reviewLevels || (l.userIds.length === 0 && l.groupId === null)) continue;
    if (kept.some((k) => k.level === l.level)) throw new ActionError("invalid", `第 ${l.level} 级重复设置。`);
    const userIds = (await assertReviewers(tx, l.userIds, `level${l.level}`)).sort((a, b) => a - b);
    if (l.groupId !== null && !(await tx.reviewerGroup.findUnique({ where: { id: l.groupId }, select: { id: true } }))) {
      throw new ActionError("invalid", "所选审核组不存在，请刷新页面。", { fieldErrors: { [`level${l.level}`]: ["所选审核组不存在，请刷新页面。"] } });
    }
    kept.push({ ...l, userIds });
  }
  await tx.columnReviewLevel.deleteMany({ where: { columnId } });
  for (const l of kept.sort((a, b) => a.level - b.level)) {
    await tx.columnReviewLevel.create({
      data: { columnId, level: l.level, mode: l.mode, groupId: l.groupId, reviewers: { create: l.userIds.map((userId) => ({ userId })) } },
    });
  }
  return kept;
}
