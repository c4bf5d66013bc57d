import { describe, expect, it } from "vitest";
import { flattenColumns, subtreeIds } from "./tree";

const rows = [
  { id: 1, parentId: null, position: 1, name: "政务公开" },
  { id: 2, parentId: null, position: 0, name: "新闻中心" },
  { id: 3, parentId: 2, position: 1, name: "部门动态" },
  { id: 4, parentId: 2, position: 0, name: "乌海要闻" },
  { id: 5, parentId: 4, position: 0, name: "图片新闻" },
  { id: 6, parentId: 99, position: 5, name: "孤儿" },
];

describe("flattenColumns", () => {
  it("lists the tree depth-first, siblings by position, with depth, path and sibling flags", () => {
    const flat = flattenColumns(rows);
    expect(flat.map((c) => [c.name, c.depth, c.isFirst, c.isLast])).toEqual([
      ["新闻中心", 0, true, false],
      ["乌海要闻", 1, true, false],
      ["图片新闻", 2, true, true],
      ["部门动态", 1, false, true],
      ["政务公开", 0, false, false],
      ["孤儿", 0, false, true],
    ]);
    expect(flat.find((c) => c.id === 5)?.path).toEqual([2, 4]);
  });

  it("breaks ties in position by id, and survives a cycle without looping", () => {
    const tied = flattenColumns([
      { id: 8, parentId: null, position: 0 },
      { id: 7, parentId: null, position: 0 },
    ]);
    expect(tied.map((c) => c.id)).toEqual([7, 8]);
    const cyclic = flattenColumns([
      { id: 1, parentId: 2, position: 0 },
      { id: 2, parentId: 1, position: 0 },
    ]);
    expect(cyclic).toEqual([]);
  });
});

describe("subtreeIds", () => {
  it("is the column and all its descendants", () => {
    expect([...subtreeIds(rows, 2)].sort()).toEqual([2, 3, 4, 5]);
    expect([...subtreeIds(rows, 5)]).toEqual([5]);
  });
});
