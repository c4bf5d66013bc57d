import "server-only";
import { ActionError } from "@/lib/actions/errors";
import { auditBy, type AuditActor } from "@/lib/audit/by";
import { changedFields } from "@/lib/audit/diff";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { assertValidParent, findColumnOrFail, lockColumnTree, nextPosition, slugTaken } from "./guards";
import { readLevelReviewers, writeLevelReviewers } from "./review-levels";
import type { ColumnInput, ReorderColumnInput, UpdateColumnInput } from "./schema";

/** A new column goes last among its siblings. */
export async function createColumn({ levelReviewers, ...input }: ColumnInput, actor: AuditActor) {
  try {
    return await db().$transaction(async (tx) => {
      await lockColumnTree(tx);
      await assertValidParent(tx, null, input.parentId);
      const column = await tx.column.create({ data: { ...input, position: await nextPosition(tx, input.parentId) } });
      const levels = await writeLevelReviewers(tx, column.id, input.reviewLevels, levelReviewers ?? []);
      await auditBy(actor, { action: "column.create", targetType: "column", targetId: column.id, detail: { ...input, levelReviewers: levels } }, tx);
      return column;
    });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) throw slugTaken(input.slug);
    throw error;
  }
}

/**
 * Rename, change the address, move under another parent, set review levels, hide or
 * show. A move puts the column last under its new parent. Returns the slugs before
 * and after so the caller can refresh both addresses.
 */
export async function updateColumn({ id, levelReviewers, ...input }: UpdateColumnInput, actor: AuditActor) {
  try {
    return await db().$transaction(async (tx) => {
      await lockColumnTree(tx);
      const before = { ...(await findColumnOrFail(tx, id)), levelReviewers: await readLevelReviewers(tx, id) };
      const moved = before.parentId !== input.parentId;
      if (moved) await assertValidParent(tx, id, input.parentId);
      await tx.column.update({
        where: { id },
        data: { ...input, ...(moved ? { position: await nextPosition(tx, input.parentId) } : {}) },
      });
      // Levels the column no longer has lose their reviewers, whether or not the form sent any.
      const levels = await writeLevelReviewers(tx, id, input.reviewLevels, levelReviewers ?? before.levelReviewers);
      const changes = changedFields(before, { ...input, levelReviewers: levels });
      if (Object.keys(changes).length > 0) {
        await auditBy(actor, { action: "column.update", targetType: "column", targetId: id, detail: { name: before.name, changes } }, tx);
      }
      return { oldSlug: before.slug, slug: input.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) throw slugTaken(input.slug);
    throw error;
  }
}

/**
 * Swaps the column with its neighbour among its siblings, then numbers the siblings
 * 0…n-1 so that gaps and ties left by older data disappear.
 */
export async function reorderColumn({ id, direction }: ReorderColumnInput, actor: AuditActor) {
  return db().$transaction(async (tx) => {
    await lockColumnTree(tx);
    const column = await findColumnOrFail(tx, id);
    const siblings = await tx.column.findMany({
      where: { parentId: column.parentId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const from = siblings.findIndex((s) => s.id === id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= siblings.length) {
      throw new ActionError("conflict", direction === "up" ? "该栏目已在同级最前。" : "该栏目已在同级最后。");
    }
    [siblings[from], siblings[to]] = [siblings[to], siblings[from]];
    for (const [position, s] of siblings.entries()) await tx.column.update({ where: { id: s.id }, data: { position } });
    await auditBy(
      actor,
      { action: "column.reorder", targetType: "column", targetId: id, detail: { name: column.name, direction, position: to } },
      tx,
    );
    return { slug: column.slug, position: to };
  });
}

/** A hidden column (and everything under it) leaves the public navigation; its articles stay reachable by link. */
export async function setColumnHidden(id: number, hidden: boolean, actor: AuditActor) {
  return db().$transaction(async (tx) => {
    const column = await findColumnOrFail(tx, id);
    if (column.hidden === hidden) return { slug: column.slug };
    await tx.column.update({ where: { id }, data: { hidden } });
    await auditBy(actor, { action: hidden ? "column.hide" : "column.show", targetType: "column", targetId: id, detail: { name: column.name } }, tx);
    return { slug: column.slug };
  });
}

/** Only an empty column goes: articles are moved first (never deleted with it), sub-columns too. */
export async function deleteColumn(id: number, actor: AuditActor) {
  return db().$transaction(async (tx) => {
    await lockColumnTree(tx);
    const column = await findColumnOrFail(tx, id);
    // One after the other: the transaction's one connection runs a query at a time.
    const articles = await tx.article.count({ where: { columnId: id } });
    const children = await tx.column.count({ where: { parentId: id } });
    if (articles > 0) {
      throw new ActionError("conflict", `栏目“${column.name}”下还有 ${articles} 篇文章，请先将这些文章移到其他栏目，再删除栏目。`);
    }
    if (children > 0) {
      throw new ActionError("conflict", `栏目“${column.name}”下还有 ${children} 个子栏目，请先移走或删除子栏目，再删除栏目。`);
    }
    await tx.column.delete({ where: { id } });
    const { name, slug, parentId, reviewLevels } = column;
    await auditBy(actor, { action: "column.delete", targetType: "column", targetId: id, detail: { name, slug, parentId, reviewLevels } }, tx);
    return { slug };
  });
}
