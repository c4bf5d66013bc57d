import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createDraft, createUser } from "@/test/factories";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { getDashboard } from "./dashboard";
import { runTransition, type TransitionInput } from "./mutations";
import { getWorkflowOptions } from "./queries";
import { eligibleReviewers, reviewersForLevel, type LevelRule } from "./reviewers";
import type { ReviewRound } from "./round";
import { publishDue } from "./scheduler";

setupTestDatabase();

type Who = Awaited<ReturnType<typeof createUser>>;

/** Names users on a column's level, directly or through a new reviewer group. */
async function nameLevel(columnId: number, level: number, mode: "ANY" | "ALL", userIds: number[], groupUserIds: number[] = []) {
  const group = groupUserIds.length
    ? await db().reviewerGroup.create({ data: { name: `组${columnId}-${level}`, members: { create: groupUserIds.map((userId) => ({ userId })) } } })
    : null;
  await db().columnReviewLevel.create({
    data: { columnId, level, mode, groupId: group?.id, reviewers: { create: userIds.map((userId) => ({ userId })) } },
  });
}

async function run(articleId: number, action: TransitionInput["action"], actor: Who, extra: Partial<TransitionInput> = {}) {
  const version = action === "approve" ? (await db().article.findUniqueOrThrow({ where: { id: articleId } })).version : undefined;
  return runTransition({ articleId, action, actor, version, ...extra });
}

const stateOf = (id: number) => db().article.findUniqueOrThrow({ where: { id }, select: { status: true, reviewLevel: true, scheduledAt: true, live: true } });
const waitingFor = async (id: number, level: number) => reviewersForLevel(db(), await db().article.findUniqueOrThrow({ where: { id } }), level);
const session = (u: Who): SessionUser => ({ ...u, securityStep: null });

describe("who may approve a level (the rule, pure)", () => {
  const round = (over: Partial<ReviewRound> = {}): ReviewRound => ({ submitterId: 1, approverIds: [], approvals: [], writerIds: [], ...over });
  const named = (mode: LevelRule["mode"], ...ids: number[]): LevelRule => ({ mode, named: ids.map((id) => ({ id, name: `u${id}` })) });

  it("keeps today's rule when nobody is named: any reviewer of the column but the author", () => {
    expect(eligibleReviewers(named("ANY"), [1, 5, 6], round(), { createdById: 1 })).toEqual([5, 6]);
  });
  it("limits the level to the named users who may review in the column", () => {
    expect(eligibleReviewers(named("ALL", 6, 7, 9), [5, 6, 7], round(), { createdById: 1 })).toEqual([6, 7]);
  });
  it("leaves out who approved in this round, the author and who rewrote it", () => {
    const r = round({ approverIds: [6], approvals: [{ actorId: 6, level: 1, version: 1 }], writerIds: [8] });
    expect(eligibleReviewers(named("ANY", 1, 6, 7, 8), [1, 6, 7, 8], r, { createdById: 1 })).toEqual([7]);
  });
});

describe("named reviewers per level, 会签/或签, 退回上一级 and the proposed publish time", () => {
  let column: { id: number };
  let editor: Who, chief: Who, leaderA: Who, leaderB: Who, head: Who, other: Who, admin: Who;

  beforeAll(async () => {
    column = await createColumn(3);
    editor = await createUser("EDITOR", [column.id], "rl-editor");
    chief = await createUser("REVIEWER", [column.id], "rl-chief");
    leaderA = await createUser("REVIEWER", [column.id], "rl-leader-a");
    leaderB = await createUser("REVIEWER", [column.id], "rl-leader-b");
    head = await createUser("REVIEWER", [column.id], "rl-head");
    other = await createUser("REVIEWER", [column.id], "rl-other");
    admin = await createUser("ADMIN", [], "rl-admin");
    await nameLevel(column.id, 1, "ANY", [chief.id]);
    await nameLevel(column.id, 2, "ALL", [leaderA.id, leaderB.id]);
    await nameLevel(column.id, 3, "ANY", [], [head.id]);
  });

  it("takes an article through three named levels, with a 会签, a return to level 1 and publication at the proposed time", async () => {
    const draft = await createDraft(editor.id, column.id);
    const proposed = new Date(Date.now() + 3 * 3600_000);
    await run(draft.id, "submit", editor, { proposedPublishAt: proposed });
    expect((await db().article.findUniqueOrThrow({ where: { id: draft.id } })).proposedPublishAt).toEqual(proposed);

    // Level 1 is the section head's: neither another reviewer nor an admin may take it.
    expect(await waitingFor(draft.id, 1)).toEqual([chief.id]);
    await expect(run(draft.id, "approve", other)).rejects.toThrow(/由指定人员审核：rl-chief/);
    await expect(run(draft.id, "approve", admin)).rejects.toThrow(/由指定人员审核/);
    await run(draft.id, "approve", chief);
    expect(await stateOf(draft.id)).toMatchObject({ status: "IN_REVIEW", reviewLevel: 1 });

    // Level 2 is a 会签: one signature does not pass it.
    expect(await waitingFor(draft.id, 2)).toEqual([leaderA.id, leaderB.id]);
    await run(draft.id, "approve", leaderA);
    expect(await stateOf(draft.id)).toMatchObject({ status: "IN_REVIEW", reviewLevel: 1 });
    expect(await waitingFor(draft.id, 2)).toEqual([leaderB.id]);
    await expect(run(draft.id, "approve", leaderA)).rejects.toThrow(/会签中签两次/);

    // 退回上一级: level 1 again, its approval and the 会签 signature so far are void.
    await run(draft.id, "sendBack", leaderB, { comment: "请一审重新核实数据" });
    expect(await stateOf(draft.id)).toMatchObject({ status: "IN_REVIEW", reviewLevel: 0 });
    expect(await waitingFor(draft.id, 1)).toEqual([chief.id]);
    await run(draft.id, "approve", chief, { comment: "已按意见核实" });
    expect(await waitingFor(draft.id, 2)).toEqual([leaderA.id, leaderB.id]);
    await run(draft.id, "approve", leaderB);
    await run(draft.id, "approve", leaderA);
    expect(await stateOf(draft.id)).toMatchObject({ status: "IN_REVIEW", reviewLevel: 2 });

    // Level 3 names a group; its member keeps the proposed time: the approval schedules the article.
    expect(await waitingFor(draft.id, 3)).toEqual([head.id]);
    const options = await getWorkflowOptions(draft.id, head);
    expect(options?.approvalIsLast).toBe(true);
    await run(draft.id, "approve", head, { then: "schedule", scheduledAt: proposed });
    expect(await stateOf(draft.id)).toMatchObject({ status: "SCHEDULED", scheduledAt: proposed, live: false });
    expect(await publishDue(new Date(proposed.getTime() + 1000))).toContain(draft.id);
    expect(await stateOf(draft.id)).toMatchObject({ status: "PUBLISHED", live: true });

    const events = await db().workflowEvent.findMany({ where: { articleId: draft.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId, e.level])).toEqual([
      ["submit", editor.id, 0],
      ["approve", chief.id, 1],
      ["approve", leaderA.id, 2],
      ["sendBack", leaderB.id, 1],
      ["approve", chief.id, 1],
      ["approve", leaderB.id, 2],
      ["approve", leaderA.id, 2],
      ["approve", head.id, 3],
      ["schedule", head.id, 3],
      ["publishDue", null, 3],
    ]);
  });

  it("lets the last approver publish now instead, and refuses a proposed time in the past", async () => {
    const draft = await createDraft(editor.id, column.id);
    await expect(run(draft.id, "submit", editor, { proposedPublishAt: new Date(Date.now() - 60_000) })).rejects.toThrow(/拟发布时间须晚于当前时间/);
    await run(draft.id, "submit", editor, { proposedPublishAt: new Date(Date.now() + 3600_000) });
    for (const who of [chief, leaderA, leaderB]) await run(draft.id, "approve", who);
    await run(draft.id, "approve", head, { then: "publish" });
    expect(await stateOf(draft.id)).toMatchObject({ status: "PUBLISHED", live: true });
  });

  it("does not let the submitter recall once a 会签 signer has signed, nor send back from level 1", async () => {
    const col = await createColumn(1);
    const a = await createUser("REVIEWER", [col.id]);
    const b = await createUser("REVIEWER", [col.id]);
    const ed = await createUser("EDITOR", [col.id]);
    await nameLevel(col.id, 1, "ALL", [a.id, b.id]);
    const draft = await createDraft(ed.id, col.id);
    await run(draft.id, "submit", ed);
    await expect(run(draft.id, "sendBack", a, { comment: "无上一级" })).rejects.toThrow(/不能退回上一级/);
    await run(draft.id, "approve", a);
    await expect(run(draft.id, "recall", ed)).rejects.toThrow(/已有审核人员签署意见/);
    expect((await getWorkflowOptions(draft.id, ed))?.actions).not.toContain("recall");
    await run(draft.id, "approve", b);
    expect(await stateOf(draft.id)).toMatchObject({ status: "APPROVED" });
  });

  it("never lets the author approve, even when named", async () => {
    const col = await createColumn(1);
    const writer = await createUser("REVIEWER", [col.id]);
    const peer = await createUser("REVIEWER", [col.id]);
    await nameLevel(col.id, 1, "ALL", [writer.id, peer.id]);
    const draft = await createDraft(writer.id, col.id);
    await run(draft.id, "submit", writer);
    expect(await waitingFor(draft.id, 1)).toEqual([peer.id]);
    await expect(run(draft.id, "approve", writer)).rejects.toThrow(/不能审核自己撰写的文章/);
    await run(draft.id, "approve", peer);
    expect(await stateOf(draft.id)).toMatchObject({ status: "APPROVED" });
  });

  it("lists an article on the 工作台 only for who may approve its level now, and the panel says why the others may not", async () => {
    const draft = await createDraft(editor.id, column.id);
    await run(draft.id, "submit", editor);
    const waiting = async (u: Who) => (await getDashboard(session(u))).toReview.some((a) => a.id === draft.id);
    expect(await waiting(chief)).toBe(true);
    expect(await waiting(leaderA)).toBe(false);
    await run(draft.id, "approve", chief);
    expect(await waiting(chief)).toBe(false);
    expect(await waiting(leaderA)).toBe(true);
    expect(await waiting(admin)).toBe(false);
    const chiefOptions = await getWorkflowOptions(draft.id, chief);
    expect(chiefOptions?.actions).not.toContain("approve");
    expect(chiefOptions?.noApprovalReason).toMatch(/同一人不能审核同一篇文章的两级/);
    expect((await getWorkflowOptions(draft.id, other))?.noApprovalReason).toMatch(/本级（二审）由指定人员审核：rl-leader-a、rl-leader-b/);
    expect((await getWorkflowOptions(draft.id, leaderA))?.people).toEqual({ signed: [], waiting: ["rl-leader-a", "rl-leader-b"] });
  });

  it("keeps today's rule for a level that names nobody, and a disabled user named drops out of a 会签", async () => {
    const col = await createColumn(2);
    const r1 = await createUser("REVIEWER", [col.id]);
    const r2 = await createUser("REVIEWER", [col.id]);
    const gone = await createUser("REVIEWER", [col.id]);
    const ed = await createUser("EDITOR", [col.id]);
    await nameLevel(col.id, 2, "ALL", [r2.id, gone.id]);
    await db().user.update({ where: { id: gone.id }, data: { disabled: true } });
    const draft = await createDraft(ed.id, col.id);
    await run(draft.id, "submit", ed);
    expect(await waitingFor(draft.id, 1)).toEqual(expect.arrayContaining([r1.id, r2.id, gone.id].filter((id) => id !== gone.id)));
    await run(draft.id, "approve", r1);
    await run(draft.id, "approve", r2);
    expect(await stateOf(draft.id)).toMatchObject({ status: "APPROVED" });
  });
});
