import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { actAs } from "@/test/session";
import { createReviewerGroupAction, deleteReviewerGroupAction, updateReviewerGroupAction } from "@/lib/reviewer-groups/actions";
import { createTestUser, lastAudit } from "@/lib/users/testing";
import { levelRule } from "@/lib/workflow/reviewers";
import { setupTestDatabase } from "@/test/db";
import { createColumnAction, updateColumnAction } from "./actions";
import { getColumnForAdmin } from "./admin-queries";

setupTestDatabase();

let admin: SessionUser, reviewerA: SessionUser, reviewerB: SessionUser, editor: SessionUser;
beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  reviewerA = await createTestUser("REVIEWER");
  reviewerB = await createTestUser("REVIEWER");
  editor = await createTestUser("EDITOR");
});
beforeEach(() => actAs(admin));

async function threeLevelColumn(slug: string) {
  const result = await createColumnAction({ name: slug, slug, reviewLevels: 3 });
  if (!result.ok) throw new Error(result.error);
  return (await getColumnForAdmin(result.data.id))!;
}
const base = (c: NonNullable<Awaited<ReturnType<typeof getColumnForAdmin>>>) => ({
  id: c.id, name: c.name, slug: c.slug, description: c.description, parentId: c.parentId, reviewLevels: c.reviewLevels, hidden: c.hidden,
});

describe("a column's review levels name their reviewers", () => {
  it("saves users, a group and 会签/或签 per level, audits it, and a save without them keeps them", async () => {
    const group = await createReviewerGroupAction({ name: "分管领导", userIds: [reviewerA.id, reviewerB.id] });
    expect(group.ok).toBe(true);
    const groupId = group.ok ? group.data.id : 0;
    const column = await threeLevelColumn("named-levels");
    const saved = await updateColumnAction({
      ...base(column),
      levelReviewers: [
        { level: 1, mode: "ANY", groupId: null, userIds: [reviewerA.id] },
        { level: 2, mode: "ALL", groupId, userIds: [] },
        { level: 3, mode: "ANY", groupId: null, userIds: [] },
      ],
    });
    expect(saved.ok).toBe(true);
    expect(await levelRule(db(), column.id, 1)).toMatchObject({ mode: "ANY", named: [{ id: reviewerA.id }] });
    expect((await levelRule(db(), column.id, 2)).named.map((u) => u.id)).toEqual([reviewerA.id, reviewerB.id].sort((a, b) => a - b));
    expect(await levelRule(db(), column.id, 3)).toEqual({ mode: "ANY", named: [] });
    expect((await lastAudit("column.update"))?.detail).toMatchObject({ changes: { levelReviewers: expect.any(Array) } });

    expect((await updateColumnAction({ ...base(column), name: "改名" })).ok).toBe(true);
    expect((await getColumnForAdmin(column.id))?.levelReviewers).toHaveLength(2);

    // Fewer levels: the levels the column no longer has lose their reviewers.
    expect((await updateColumnAction({ ...base(column), reviewLevels: 1 })).ok).toBe(true);
    expect((await getColumnForAdmin(column.id))?.levelReviewers.map((l) => l.level)).toEqual([1]);
  });

  it("refuses an editor named as a reviewer, with the level's message", async () => {
    const column = await threeLevelColumn("named-editor");
    const result = await updateColumnAction({ ...base(column), levelReviewers: [{ level: 2, mode: "ANY", groupId: null, userIds: [editor.id] }] });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(result.ok ? null : result.details).toMatchObject({ fieldErrors: { level2: [expect.stringContaining("审核人员或管理员")] } });
  });
});

describe("reviewer groups", () => {
  it("renames and changes members, refuses a duplicate name, and keeps a group a level still names", async () => {
    const made = await createReviewerGroupAction({ name: "科室负责人", userIds: [reviewerA.id] });
    if (!made.ok) throw new Error(made.error);
    expect(await createReviewerGroupAction({ name: "科室负责人", userIds: [] })).toMatchObject({ ok: false, code: "conflict" });
    expect((await updateReviewerGroupAction({ id: made.data.id, name: "科室负责人（初审）", userIds: [reviewerB.id] })).ok).toBe(true);
    const members = await db().reviewerGroupMember.findMany({ where: { groupId: made.data.id } });
    expect(members.map((m) => m.userId)).toEqual([reviewerB.id]);

    const column = await threeLevelColumn("group-in-use");
    await updateColumnAction({ ...base(column), levelReviewers: [{ level: 1, mode: "ANY", groupId: made.data.id, userIds: [] }] });
    expect(await deleteReviewerGroupAction({ id: made.data.id })).toMatchObject({ ok: false, code: "conflict" });
    await updateColumnAction({ ...base(column), levelReviewers: [] });
    expect((await deleteReviewerGroupAction({ id: made.data.id })).ok).toBe(true);
    expect(await lastAudit("reviewer-group.delete")).toBeTruthy();
  });
});
