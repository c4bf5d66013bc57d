import { cache } from "react";
import { db } from "@/lib/db/client";

export interface ColumnNode {
  id: number;
  name: string;
  slug: string;
  parentId: number | null;
  children: ColumnNode[];
}

/** A column as the public site knows it. */
export interface ColumnInfo {
  id: number;
  name: string;
  slug: string;
  description: string;
  parentId: number | null;
  hidden: boolean;
}

/** A column page's context: where it sits, what is under it, whose articles it lists. */
export interface ColumnContext {
  column: ColumnInfo;
  /** From the top-level column down to this one (inclusive). */
  path: ColumnInfo[];
  /** Visible direct children, in order. */
  children: ColumnInfo[];
  /** This column and every column below it: its listing shows their articles too. */
  listedColumnIds: number[];
}

/**
 * Every column, read from the database (once per Next.js request; the public app server
 * keeps the column tree in its own cache: lib/site/render.ts, loadSiteFrame). The table
 * is small (tens of rows): one read serves all lookups below.
 */
const allColumns = cache(
  (): Promise<ColumnInfo[]> =>
    db().column.findMany({
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, name: true, slug: true, description: true, parentId: true, hidden: true },
    }),
);

/** Visible columns as an ordered tree. A hidden column hides its whole branch. */
export async function getColumnTree(): Promise<ColumnNode[]> {
  const rows = await allColumns();
  return buildTree(rows.filter((r) => !r.hidden));
}

export function buildTree(rows: Omit<ColumnNode, "children">[]): ColumnNode[] {
  const byId = new Map<number, ColumnNode>(rows.map((r) => [r.id, { id: r.id, name: r.name, slug: r.slug, parentId: r.parentId, children: [] }]));
  const roots: ColumnNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else if (!node.parentId) roots.push(node);
  }
  return roots;
}

/** Ancestors then the column itself; stops at a missing parent or a cycle. */
export function columnPath(rows: ColumnInfo[], columnId: number): ColumnInfo[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const path: ColumnInfo[] = [];
  const seen = new Set<number>();
  for (let current = byId.get(columnId); current && !seen.has(current.id); current = current.parentId ? byId.get(current.parentId) : undefined) {
    seen.add(current.id);
    path.unshift(current);
  }
  return path;
}

/** The column and all its descendants' ids (hidden ones included: their articles are public). */
export function descendantIds(rows: ColumnInfo[], columnId: number): number[] {
  const ids = [columnId];
  for (let i = 0; i < ids.length; i++) {
    for (const row of rows) if (row.parentId === ids[i] && !ids.includes(row.id)) ids.push(row.id);
  }
  return ids;
}

export async function getColumnContext(slug: string): Promise<ColumnContext | null> {
  const rows = await allColumns();
  const column = rows.find((r) => r.slug === slug);
  if (!column) return null;
  return {
    column,
    path: columnPath(rows, column.id),
    children: rows.filter((r) => r.parentId === column.id && !r.hidden),
    listedColumnIds: descendantIds(rows, column.id),
  };
}

/** A column and every column below it (the admin list's column filter shows their articles too). */
export async function getColumnWithDescendantIds(columnId: number): Promise<number[]> {
  return descendantIds(await allColumns(), columnId);
}

export async function getColumnPathById(columnId: number): Promise<ColumnInfo[]> {
  return columnPath(await allColumns(), columnId);
}

/** Top-level visible columns, each with the ids its listing covers (for the home page). */
export async function getTopLevelColumns(): Promise<{ column: ColumnInfo; listedColumnIds: number[] }[]> {
  const rows = await allColumns();
  return rows.filter((r) => r.parentId === null && !r.hidden).map((column) => ({ column, listedColumnIds: descendantIds(rows, column.id) }));
}

/** Every visible column, for sitemap.xml. */
export async function listVisibleColumns(): Promise<ColumnInfo[]> {
  const rows = await allColumns();
  const visible = new Set(getVisibleIds(rows));
  return rows.filter((r) => visible.has(r.id));
}

function getVisibleIds(rows: ColumnInfo[]): number[] {
  const out: number[] = [];
  const walk = (nodes: ColumnNode[]) => nodes.forEach((n) => (out.push(n.id), walk(n.children)));
  walk(buildTree(rows.filter((r) => !r.hidden)));
  return out;
}
