import "server-only";
import { ActionError } from "@/lib/actions/errors";
import type { Prisma } from "@/lib/db/client";
import { subtreeIds } from "./tree";

type Tx = Prisma.TransactionClient;

/** Arbitrary but fixed: the advisory lock every change to the column tree takes first. */
const COLUMN_TREE_LOCK = 72_500_002;

/**
 * Changes to the tree (create, move, reorder, delete) queue behind one lock: two
 * admins moving columns under each other at once would otherwise make a cycle,
 * and two reorders would interleave positions.
 */
export async function lockColumnTree(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${COLUMN_TREE_LOCK}::bigint)`;
}

export async function findColumnOrFail(tx: Tx, id: number) {
  const column = await tx.column.findUnique({ where: { id } });
  if (!column) throw new ActionError("not_found", "该栏目不存在或已被删除，请刷新页面。");
  return column;
}

/** The new parent must exist and must not be the column itself or one of its descendants. */
export async function assertValidParent(tx: Tx, columnId: number | null, parentId: number | null): Promise<void> {
  if (parentId === null) return;
  const all = await tx.column.findMany({ select: { id: true, parentId: true, position: true } });
  if (!all.some((c) => c.id === parentId)) {
    throw new ActionError("invalid", "所选上级栏目不存在，请刷新页面后重新选择。", { fieldErrors: { parentId: ["上级栏目不存在"] } });
  }
  if (columnId !== null && subtreeIds(all, columnId).has(parentId)) {
    throw new ActionError("invalid", "不能把栏目移到它自己或它的下级栏目之下。", {
      fieldErrors: { parentId: ["不能选择自身或下级栏目"] },
    });
  }
}

/** The position after the last sibling: a new or moved column goes to the end of its new level. */
export async function nextPosition(tx: Tx, parentId: number | null): Promise<number> {
  const last = await tx.column.aggregate({ where: { parentId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

export function slugTaken(slug: string): ActionError {
  return new ActionError("conflict", `栏目地址“${slug}”已被其他栏目使用。`, { fieldErrors: { slug: ["该地址已被其他栏目使用"] } });
}
