import "server-only";
import { db } from "@/lib/db/client";
import { readLevelReviewers } from "./review-levels";
import { flattenColumns } from "./tree";

/** Every column, hidden ones too, in tree order with what the admin needs to decide (article and member counts). */
export async function listColumnsForAdmin() {
  const rows = await db().column.findMany({
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      parentId: true,
      position: true,
      hidden: true,
      reviewLevels: true,
      _count: { select: { articles: true, children: true, members: true } },
    },
  });
  const flat = flattenColumns(rows);
  const hiddenIds = new Set(rows.filter((r) => r.hidden).map((r) => r.id));
  return flat.map(({ _count, ...c }) => ({
    ...c,
    articleCount: _count.articles,
    childCount: _count.children,
    memberCount: _count.members,
    /** Hidden itself, or under a hidden ancestor: either way not in the public navigation. */
    hiddenByAncestor: !c.hidden && c.path.some((id) => hiddenIds.has(id)),
  }));
}

export type AdminColumn = Awaited<ReturnType<typeof listColumnsForAdmin>>[number];

export async function getColumnForAdmin(id: number) {
  const column = await db().column.findUnique({
    where: { id },
    include: { _count: { select: { articles: true, children: true, members: true } } },
  });
  return column && { ...column, levelReviewers: await readLevelReviewers(db(), id) };
}

/** Columns as indented options for pickers (parent column, a user's columns). */
export async function listColumnOptions() {
  const rows = await db().column.findMany({ select: { id: true, name: true, parentId: true, position: true, hidden: true } });
  return flattenColumns(rows).map(({ id, name, depth, hidden, path }) => ({ id, name, depth, hidden, path }));
}

export type ColumnOption = Awaited<ReturnType<typeof listColumnOptions>>[number];
