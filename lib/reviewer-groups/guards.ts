import "server-only";
import { ActionError } from "@/lib/actions/errors";
import type { Prisma } from "@/lib/db/client";

/** Only enabled reviewers and admins may be named to review (a group's members, a level's reviewers). */
export async function assertReviewers(tx: Pick<Prisma.TransactionClient, "user">, userIds: number[], field: string): Promise<number[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return unique;
  const found = await tx.user.findMany({ where: { id: { in: unique }, role: { in: ["REVIEWER", "ADMIN"] }, disabled: false }, select: { id: true } });
  if (found.length !== unique.length) {
    throw new ActionError("invalid", "只能指定启用中的审核人员或管理员。", { fieldErrors: { [field]: ["只能指定启用中的审核人员或管理员。"] } });
  }
  return unique;
}
