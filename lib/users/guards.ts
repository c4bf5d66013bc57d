import "server-only";
import { ActionError } from "@/lib/actions/errors";
import type { Prisma } from "@/lib/db/client";
import { SYSTEM_EMAIL } from "./bootstrap";

type Tx = Prisma.TransactionClient;

/** Arbitrary but fixed: the advisory lock every change to an account takes first. */
const ACCOUNT_CHANGES_LOCK = 72_500_001;

/**
 * Locks and loads the user an admin is about to change; refuses the system account.
 * Account changes are rare, so they queue behind one advisory lock: two admins
 * disabling each other then run one after the other instead of deadlocking.
 */
export async function lockUser(tx: Tx, id: number) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNT_CHANGES_LOCK}::bigint)`;
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "User" WHERE "id" = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new ActionError("not_found", "该用户不存在或已被删除。");
  const user = await tx.user.findUniqueOrThrow({ where: { id }, include: { columns: { select: { columnId: true } } } });
  if (user.email === SYSTEM_EMAIL) throw new ActionError("forbidden", "系统账号用于定时任务和演示内容，不能修改或登录。");
  return user;
}

/**
 * Never lock the site out: the change must leave at least one enabled admin. Runs
 * after lockUser, so two admins demoting each other cannot both succeed.
 */
export async function assertAdminRemains(tx: Tx, target: { id: number; role: string; disabled: boolean }, after: { role: string; disabled: boolean }) {
  const wasActiveAdmin = target.role === "ADMIN" && !target.disabled;
  const staysActiveAdmin = after.role === "ADMIN" && !after.disabled;
  if (!wasActiveAdmin || staysActiveAdmin) return;
  const admins = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "disabled" = false`;
  if (admins.filter((a) => a.id !== target.id).length === 0) {
    throw new ActionError("conflict", "这是唯一的管理员账号，不能停用或取消其管理员角色；请先任命另一位管理员。");
  }
}

/** Admins do not demote or disable themselves: another admin must do it. */
export function assertNotSelf(actorId: number, targetId: number, message: string) {
  if (actorId === targetId) throw new ActionError("forbidden", message);
}

/** Every assigned column must exist (a deleted one would fail the foreign key with no useful message). */
export async function assertColumnsExist(tx: Tx, columnIds: number[]) {
  if (columnIds.length === 0) return;
  const found = await tx.column.count({ where: { id: { in: columnIds } } });
  if (found !== columnIds.length) {
    throw new ActionError("invalid", "所选栏目中有已被删除的栏目，请刷新页面后重新选择。", { fieldErrors: { columnIds: ["栏目不存在"] } });
  }
}
