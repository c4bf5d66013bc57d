import "server-only";
import { ActionError } from "@/lib/actions/errors";
import { auditBy, type AuditActor } from "@/lib/audit/by";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { assertReviewers } from "./guards";
import type { ReviewerGroupInput, UpdateReviewerGroupInput } from "./schema";

const nameTaken = (name: string) =>
  new ActionError("conflict", `审核组“${name}”已存在。`, { fieldErrors: { name: [`审核组“${name}”已存在，请换一个名称。`] } });

export async function createReviewerGroup(input: ReviewerGroupInput, actor: AuditActor) {
  try {
    return await db().$transaction(async (tx) => {
      const userIds = await assertReviewers(tx, input.userIds, "userIds");
      const group = await tx.reviewerGroup.create({ data: { name: input.name, members: { create: userIds.map((userId) => ({ userId })) } } });
      await auditBy(actor, { action: "reviewer-group.create", targetType: "reviewer-group", targetId: group.id, detail: { name: input.name, userIds } }, tx);
      return { id: group.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "name")) throw nameTaken(input.name);
    throw error;
  }
}

/** Rename and set the members; the column levels naming the group follow at once. */
export async function updateReviewerGroup({ id, ...input }: UpdateReviewerGroupInput, actor: AuditActor) {
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.reviewerGroup.findUnique({ where: { id }, select: { name: true, members: { select: { userId: true } } } });
      if (!before) throw new ActionError("not_found", "该审核组不存在或已被删除，请刷新页面。");
      const userIds = await assertReviewers(tx, input.userIds, "userIds");
      await tx.reviewerGroupMember.deleteMany({ where: { groupId: id } });
      await tx.reviewerGroup.update({ where: { id }, data: { name: input.name, members: { create: userIds.map((userId) => ({ userId })) } } });
      const beforeIds = before.members.map((m) => m.userId).sort((a, b) => a - b);
      await auditBy(
        actor,
        { action: "reviewer-group.update", targetType: "reviewer-group", targetId: id, detail: { name: [before.name, input.name], userIds: [beforeIds, userIds] } },
        tx,
      );
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "name")) throw nameTaken(input.name);
    throw error;
  }
}

/** A group still named on a column level stays: the level would silently fall back to "any reviewer". */
export async function deleteReviewerGroup(id: number, actor: AuditActor) {
  return db().$transaction(async (tx) => {
    const group = await tx.reviewerGroup.findUnique({ where: { id }, select: { name: true, _count: { select: { levels: true } } } });
    if (!group) throw new ActionError("not_found", "该审核组不存在或已被删除，请刷新页面。");
    if (group._count.levels > 0) {
      throw new ActionError("conflict", `审核组“${group.name}”仍被 ${group._count.levels} 个栏目审核级别使用，请先在栏目设置中改用其他人员。`);
    }
    await tx.reviewerGroup.delete({ where: { id } });
    await auditBy(actor, { action: "reviewer-group.delete", targetType: "reviewer-group", targetId: id, detail: { name: group.name } }, tx);
    return { id };
  });
}
