/**
 * The admin's view of the column tree, flattened in display order (depth-first,
 * siblings by position): what the tree table, the parent pickers and the reorder
 * buttons need. Pure, so it is unit-tested without a database.
 */
export interface ColumnRow {
  id: number;
  parentId: number | null;
  position: number;
}

export type FlatColumn<T extends ColumnRow> = T & {
  depth: number;
  /** Ancestors' ids, root first. */
  path: number[];
  isFirst: boolean;
  isLast: boolean;
};

export function flattenColumns<T extends ColumnRow>(rows: readonly T[]): FlatColumn<T>[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<number | null, T[]>();
  for (const row of rows) {
    // An orphan (its parent deleted outside the app) still shows, at the top level.
    const parent = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);

  const out: FlatColumn<T>[] = [];
  const visit = (parent: number | null, path: number[]) => {
    const list = children.get(parent) ?? [];
    list.forEach((row, i) => {
      if (path.includes(row.id)) return; // only direct SQL can make a cycle; never loop on one
      out.push({ ...row, depth: path.length, path, isFirst: i === 0, isLast: i === list.length - 1 });
      visit(row.id, [...path, row.id]);
    });
  };
  visit(null, []);
  return out;
}

/** Ids of the column and everything under it: none of them can become its parent. */
export function subtreeIds(rows: readonly ColumnRow[], rootId: number): Set<number> {
  const result = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of rows) {
      if (row.parentId !== null && result.has(row.parentId) && !result.has(row.id)) {
        result.add(row.id);
        grew = true;
      }
    }
  }
  return result;
}
