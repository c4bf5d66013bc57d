import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createTestUser, lastAudit } from "@/lib/users/testing";
import { setupTestDatabase } from "@/test/db";
import { actAs } from "@/test/session";
import { createColumnAction, deleteColumnAction, reorderColumnAction, setColumnHiddenAction, updateColumnAction } from "./actions";
import { listColumnsForAdmin } from "./admin-queries";

setupTestDatabase();

let admin: SessionUser;
let editor: SessionUser;
let reviewer: SessionUser;
beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  editor = await createTestUser("EDITOR");
  reviewer = await createTestUser("REVIEWER");
});
beforeEach(() => actAs(admin));

let n = 0;
async function make(over: Record<string, unknown> = {}) {
  n += 1;
  const result = await createColumnAction({ name: `栏目${n}`, slug: `col-${n}`, reviewLevels: 1, ...over });
  if (!result.ok) throw new Error(`${result.error} ${JSON.stringify(result.fieldErrors ?? result.details)}`);
  return db().column.findUniqueOrThrow({ where: { id: result.data.id } });
}
const fields = (c: { id: number; name: string; slug: string; description: string; parentId: number | null; reviewLevels: number; hidden: boolean }) => ({
  id: c.id,
  name: c.name,
  slug: c.slug,
  description: c.description,
  parentId: c.parentId,
  reviewLevels: c.reviewLevels,
  hidden: c.hidden,
});
const childrenOf = async (parentId: number) =>
  (await db().column.findMany({ where: { parentId }, orderBy: [{ position: "asc" }, { id: "asc" }] })).map((c) => c.name);

describe("create", () => {
  it("creates a column last among its siblings, lowercasing the slug, and audits it", async () => {
    const parent = await make({ name: "新闻中心" });
    const a = await make({ name: "乌海要闻", parentId: parent.id, slug: "Wuhai-News", reviewLevels: 2 });
    const b = await make({ name: "部门动态", parentId: parent.id });
    expect(a).toMatchObject({ slug: "wuhai-news", reviewLevels: 2, position: 0 });
    expect(b.position).toBe(1);
    const entry = await lastAudit("column.create");
    expect(entry).toMatchObject({ actorId: admin.id, targetType: "column", targetId: String(b.id) });
    expect(entry?.detail).toMatchObject({ name: "部门动态", parentId: parent.id });
  });

  it("validates the slug, name and review levels", async () => {
    for (const slug of ["新闻", "a b", "-news", "news-", "a--b", "a_b", ""]) {
      const result = await createColumnAction({ name: "x", slug, reviewLevels: 1 });
      expect(result, slug).toMatchObject({ ok: false, code: "invalid" });
      expect(result.ok || result.fieldErrors?.slug).toBeTruthy();
    }
    expect(await createColumnAction({ name: "", slug: "ok", reviewLevels: 1 })).toMatchObject({ fieldErrors: { name: ["请输入栏目名称"] } });
    expect(await createColumnAction({ name: "x", slug: "ok", reviewLevels: 4 })).toMatchObject({
      fieldErrors: { reviewLevels: ["审核级数为 1 至 3 级"] },
    });
  });

  it("refuses a slug already in use", async () => {
    const taken = await make();
    const result = await createColumnAction({ name: "另一个", slug: taken.slug, reviewLevels: 1 });
    expect(result).toMatchObject({ ok: false, code: "conflict", details: { fieldErrors: { slug: ["该地址已被其他栏目使用"] } } });
  });

  it("refuses a parent that does not exist", async () => {
    expect(await createColumnAction({ name: "x", slug: "orphan-x", parentId: 999_999, reviewLevels: 1 })).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });
});

describe("update", () => {
  it("renames, changes slug and review levels, and records only what changed", async () => {
    const c = await make();
    const result = await updateColumnAction({ ...fields(c), name: "通知公告", slug: "notices", reviewLevels: 3 });
    expect(result.ok).toBe(true);
    expect(await db().column.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ name: "通知公告", slug: "notices", reviewLevels: 3 });
    expect((await lastAudit("column.update"))?.detail).toEqual({
      name: c.name,
      changes: { name: [c.name, "通知公告"], slug: [c.slug, "notices"], reviewLevels: [1, 3] },
    });
  });

  it("sets the 年度报表 category and the update period (empty: the category's default), audited", async () => {
    const c = await make();
    expect(await updateColumnAction({ ...fields(c), reportCategory: "NEWS", updateEveryDays: "7" })).toMatchObject({ ok: true });
    expect(await db().column.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ reportCategory: "NEWS", updateEveryDays: 7 });
    expect((await lastAudit("column.update"))?.detail).toEqual({ name: c.name, changes: { reportCategory: [null, "NEWS"], updateEveryDays: [null, 7] } });
    expect(await updateColumnAction({ ...fields(c), reportCategory: "NEWS", updateEveryDays: null })).toMatchObject({ ok: true });
    expect((await db().column.findUniqueOrThrow({ where: { id: c.id } })).updateEveryDays).toBeNull();
    for (const [value, message] of [
      ["0", "更新周期至少 1 天"],
      ["1.5", "更新周期应为整天数"],
      ["3661", "更新周期不能超过 3660 天"],
      ["一周", "更新周期应为天数"],
    ]) {
      expect(await updateColumnAction({ ...fields(c), updateEveryDays: value }), value).toMatchObject({ ok: false, fieldErrors: { updateEveryDays: [message] } });
    }
    expect(await updateColumnAction({ ...fields(c), reportCategory: "NOPE" })).toMatchObject({ ok: false, fieldErrors: { reportCategory: ["请选择栏目类别"] } });
  });

  it("moves a column under another parent, last among its new siblings", async () => {
    const left = await make({ name: "左" });
    const right = await make({ name: "右" });
    await make({ name: "右一", parentId: right.id });
    const moving = await make({ name: "移动", parentId: left.id });
    expect((await updateColumnAction({ ...fields(moving), parentId: right.id })).ok).toBe(true);
    expect(await childrenOf(right.id)).toEqual(["右一", "移动"]);
    expect(await childrenOf(left.id)).toEqual([]);
  });

  it("refuses a move that would make a cycle", async () => {
    const top = await make();
    const mid = await make({ parentId: top.id });
    const leaf = await make({ parentId: mid.id });
    const intoDescendant = await updateColumnAction({ ...fields(top), parentId: leaf.id });
    expect(intoDescendant).toMatchObject({ ok: false, code: "invalid", error: "不能把栏目移到它自己或它的下级栏目之下。" });
    expect(await updateColumnAction({ ...fields(mid), parentId: mid.id })).toMatchObject({ ok: false, code: "invalid" });
    expect((await db().column.findUniqueOrThrow({ where: { id: top.id } })).parentId).toBeNull();
  });

  it("refuses to take another column's slug", async () => {
    const a = await make();
    const b = await make();
    expect(await updateColumnAction({ ...fields(b), slug: a.slug })).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("reorder", () => {
  it("moves a column up and down among its siblings and audits each move", async () => {
    const parent = await make();
    const a = await make({ name: "甲", parentId: parent.id });
    await make({ name: "乙", parentId: parent.id });
    const c = await make({ name: "丙", parentId: parent.id });
    expect(await reorderColumnAction({ id: c.id, direction: "up" })).toMatchObject({ ok: true, data: { position: 1 } });
    expect(await childrenOf(parent.id)).toEqual(["甲", "丙", "乙"]);
    expect((await reorderColumnAction({ id: a.id, direction: "down" })).ok).toBe(true);
    expect(await childrenOf(parent.id)).toEqual(["丙", "甲", "乙"]);
    expect((await lastAudit("column.reorder"))?.detail).toEqual({ name: "甲", direction: "down", position: 1 });
  });

  it("says so when the column is already first or last", async () => {
    const parent = await make();
    const only = await make({ parentId: parent.id });
    expect(await reorderColumnAction({ id: only.id, direction: "up" })).toMatchObject({ ok: false, error: "该栏目已在同级最前。" });
    expect(await reorderColumnAction({ id: only.id, direction: "down" })).toMatchObject({ ok: false, error: "该栏目已在同级最后。" });
  });

  it("keeps every sibling once, with positions 0…n-1, when two reorders run at once", async () => {
    const parent = await make();
    for (let i = 0; i < 4; i++) await make({ parentId: parent.id });
    const ids = (await db().column.findMany({ where: { parentId: parent.id } })).map((c) => c.id);
    await Promise.all([reorderColumnAction({ id: ids[3], direction: "up" }), reorderColumnAction({ id: ids[1], direction: "up" })]);
    const positions = (await db().column.findMany({ where: { parentId: parent.id }, orderBy: { position: "asc" } })).map((c) => c.position);
    expect(positions).toEqual([0, 1, 2, 3]);
  });
});

describe("hide and show", () => {
  it("hides a column from the public tree and shows it again, audited", async () => {
    const c = await make();
    expect((await setColumnHiddenAction({ id: c.id, hidden: true })).ok).toBe(true);
    expect((await db().column.findUniqueOrThrow({ where: { id: c.id } })).hidden).toBe(true);
    expect(await lastAudit("column.hide")).toMatchObject({ targetId: String(c.id) });
    const child = await make({ parentId: c.id });
    expect((await listColumnsForAdmin()).find((x) => x.id === child.id)?.hiddenByAncestor).toBe(true);
    expect((await setColumnHiddenAction({ id: c.id, hidden: false })).ok).toBe(true);
    expect(await lastAudit("column.show")).toMatchObject({ targetId: String(c.id) });
  });
});

describe("delete", () => {
  it("deletes an empty column and audits what it was", async () => {
    const c = await make({ name: "临时栏目" });
    expect((await deleteColumnAction({ id: c.id })).ok).toBe(true);
    expect(await db().column.findUnique({ where: { id: c.id } })).toBeNull();
    expect((await lastAudit("column.delete"))?.detail).toMatchObject({ name: "临时栏目", slug: c.slug });
  });

  it("refuses while the column has articles, saying to move them first", async () => {
    const c = await make({ name: "有文章" });
    await db().article.create({
      data: { title: "t", columnId: c.id, bodyJson: {}, bodyHtml: "", createdById: admin.id, updatedById: admin.id },
    });
    const result = await deleteColumnAction({ id: c.id });
    expect(result).toMatchObject({ ok: false, code: "conflict", error: "栏目“有文章”下还有 1 篇文章，请先将这些文章移到其他栏目，再删除栏目。" });
    expect(await db().column.findUnique({ where: { id: c.id } })).not.toBeNull();
  });

  it("refuses while the column has sub-columns", async () => {
    const c = await make({ name: "有子栏目" });
    await make({ parentId: c.id });
    expect(await deleteColumnAction({ id: c.id })).toMatchObject({ ok: false, error: expect.stringContaining("1 个子栏目") });
  });
});

describe("who may change columns", () => {
  it("refuses editors, reviewers and anonymous callers, and changes nothing", async () => {
    const c = await make();
    const count = await db().column.count();
    for (const user of [editor, reviewer, null]) {
      actAs(user);
      const code = user ? "forbidden" : "unauthenticated";
      expect(await createColumnAction({ name: "x", slug: "never", reviewLevels: 1 })).toMatchObject({ ok: false, code });
      expect(await updateColumnAction({ ...fields(c), name: "改" })).toMatchObject({ ok: false, code });
      expect(await reorderColumnAction({ id: c.id, direction: "up" })).toMatchObject({ ok: false, code });
      expect(await setColumnHiddenAction({ id: c.id, hidden: true })).toMatchObject({ ok: false, code });
      expect(await deleteColumnAction({ id: c.id })).toMatchObject({ ok: false, code });
    }
    expect(await db().column.count()).toBe(count);
    expect(await db().column.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ name: c.name, hidden: false });
  });
});
