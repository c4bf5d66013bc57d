import { db } from "@/lib/db/client";

export interface ColumnNode {
  id: number;
  name: string;
  slug: string;
  parentId: number | null;
  children: ColumnNode[];
}

/** Visible columns as an ordered tree. */
export async function getColumnTree(): Promise<ColumnNode[]> {
  const rows = await db().column.findMany({
    where: { hidden: false },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, name: true, slug: true, parentId: true },
  });
  return buildTree(rows);
}

export function buildTree(rows: Omit<ColumnNode, "children">[]): ColumnNode[] {
  const byId = new Map<number, ColumnNode>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: ColumnNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else if (!node.parentId) roots.push(node);
  }
  return roots;
}
