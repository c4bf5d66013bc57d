import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createDraft, createUser } from "@/test/factories";
import { db } from "@/lib/db/client";
import { saveArticle } from "@/lib/articles/mutations";
import { getPublicArticle } from "@/lib/articles/queries";
import { articleContentSchema } from "@/lib/articles/schema";
import { withdrawSchema } from "./schema";
import { runTransition, type TransitionInput } from "./mutations";
import { getWorkflowOptions } from "./queries";
import { publishDue } from "./scheduler";

setupTestDatabase();

type Who = Awaited<ReturnType<typeof createUser>>;
let column: { id: number };
let twoLevel: { id: number };
let editor: Who, reviewer: Who, reviewer2: Who, admin: Who, outsider: Who;

beforeAll(async () => {
  column = await createColumn(1);
  twoLevel = await createColumn(2);
  const ids = [column.id, twoLevel.id];
  editor = await createUser("EDITOR", ids);
  reviewer = await createUser("REVIEWER", ids);
  reviewer2 = await createUser("REVIEWER", ids);
  admin = await createUser("ADMIN");
  outsider = await createUser("REVIEWER", []);
});

/** An approval carries the version the reviewer saw: by default, the one stored now. */
async function run(articleId: number, action: TransitionInput["action"], actor: Who, extra: Partial<TransitionInput> = {}) {
  const version = action === "approve" && !("version" in extra) ? (await db().article.findUniqueOrThrow({ where: { id: articleId } })).version : undefined;
  return runTransition({ articleId, action, actor, version, ...extra });
}

/** A save of the article's stored copy with a new body, as the editor would send it. */
async function edit(articleId: number, actor: Who, body: string) {
  const row = await db().article.findUniqueOrThrow({ where: { id: articleId } });
  const input = articleContentSchema.parse({
    title: row.title,
    columnId: row.columnId,
    author: row.author,
    source: row.source,
    publishedAt: row.publishedAt,
    pinned: row.pinned,
    headline: row.headline,
    bodyJson: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: body }] }] },
  });
  return saveArticle({ ...input, id: articleId, baseVersion: row.version }, actor);
}

async function statusOf(id: number) {
  return (await db().article.findUniqueOrThrow({ where: { id } })).status;
}

describe("workflow", () => {
  it("takes an article through two review levels to publication, with history and audit", async () => {
    const draft = await createDraft(editor.id, twoLevel.id);
    await run(draft.id, "submit", editor);
    await run(draft.id, "approve", reviewer, { comment: "一审通过" });
    expect(await db().article.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "IN_REVIEW", reviewLevel: 1 });
    await run(draft.id, "approve", reviewer2);
    expect(await statusOf(draft.id)).toBe("APPROVED");
    expect(await getPublicArticle(draft.id)).toBeNull();
    await run(draft.id, "publish", reviewer2);
    const article = await getPublicArticle(draft.id);
    expect(article?.live.title).toBe(draft.title);

    const events = await db().workflowEvent.findMany({ where: { articleId: draft.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId, e.level])).toEqual([
      ["submit", editor.id, 0],
      ["approve", reviewer.id, 1],
      ["approve", reviewer2.id, 2],
      ["publish", reviewer2.id, 2],
    ]);
    expect(events[1].comment).toBe("一审通过");
    const audits = await db().auditEntry.findMany({ where: { targetType: "article", targetId: String(draft.id) } });
    expect(audits.map((a) => a.action).sort()).toEqual(["article.approve", "article.approve", "article.publish", "article.submit"]);
  });

  it("returns a rejected article to its author with the comment", async () => {
    const draft = await createDraft(editor.id, column.id);
    await run(draft.id, "submit", editor);
    await run(draft.id, "reject", reviewer, { comment: "标题有误" });
    expect(await statusOf(draft.id)).toBe("DRAFT");
    const last = await db().workflowEvent.findFirstOrThrow({ where: { articleId: draft.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "reject", comment: "标题有误", actorId: reviewer.id });
  });

  it("refuses self-approval and one person approving two levels", async () => {
    const own = await createDraft(reviewer.id, twoLevel.id);
    await run(own.id, "submit", reviewer);
    await expect(run(own.id, "approve", reviewer)).rejects.toMatchObject({ code: "forbidden" });

    const draft = await createDraft(editor.id, twoLevel.id);
    await run(draft.id, "submit", editor);
    await run(draft.id, "approve", reviewer);
    await expect(run(draft.id, "approve", reviewer)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db().article.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "IN_REVIEW", reviewLevel: 1 });
  });

  it("checks every transition for every role", async () => {
    // [action, actor, allowed] starting from the state each action needs.
    const cases: [TransitionInput["action"], () => Who, boolean][] = [
      ["submit", () => editor, true],
      ["submit", () => outsider, false],
      ["approve", () => editor, false],
      ["approve", () => outsider, false],
      ["approve", () => admin, true],
      ["reject", () => editor, false],
      ["reject", () => reviewer, true],
      ["publish", () => editor, false],
      ["publish", () => reviewer, true],
      ["schedule", () => editor, false],
      ["schedule", () => admin, true],
      ["withdraw", () => editor, false],
      ["withdraw", () => reviewer, true],
      ["recall", () => editor, true],
      ["recall", () => outsider, false],
    ];
    for (const [action, who, allowed] of cases) {
      const draft = await createDraft(editor.id, column.id);
      if (action !== "submit") await run(draft.id, "submit", editor);
      if (["publish", "schedule", "withdraw"].includes(action)) await run(draft.id, "approve", reviewer2);
      if (action === "withdraw") await run(draft.id, "publish", reviewer2);
      const attempt = run(draft.id, action, who(), {
        comment: "理由",
        scheduledAt: new Date(Date.now() + 3_600_000),
      });
      if (allowed) await expect(attempt, `${action} by ${who().role}`).resolves.toBeTruthy();
      else await expect(attempt, `${action} by ${who().name}`).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("refuses a transition the state does not allow", async () => {
    const draft = await createDraft(editor.id, column.id);
    await expect(run(draft.id, "publish", reviewer)).rejects.toMatchObject({ code: "conflict" });
    await expect(run(draft.id, "approve", reviewer)).rejects.toMatchObject({ code: "conflict" });
  });

  it("withdraws with the reason kept, and the public page is gone", async () => {
    const draft = await createDraft(editor.id, column.id);
    await run(draft.id, "submit", editor);
    await run(draft.id, "approve", reviewer);
    await run(draft.id, "publish", reviewer);
    await run(draft.id, "withdraw", reviewer, { comment: "信息有误，撤稿" });
    const row = await db().article.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({ status: "WITHDRAWN", live: false, withdrawnReason: "信息有误，撤稿" });
    expect(await getPublicArticle(draft.id)).toBeNull();
  });
});

describe("every approval is bound to the version it approved", () => {
  it("restarts the round when a reviewer edits an article in review, and the editor of the round cannot approve it", async () => {
    const draft = await createDraft(editor.id, column.id);
    await run(draft.id, "submit", editor);
    const saved = await edit(draft.id, reviewer, "审核人员改写的正文。");
    expect(saved).toMatchObject({ status: "IN_REVIEW", version: 2 });
    const last = await db().workflowEvent.findFirstOrThrow({ where: { articleId: draft.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "restart", actorId: reviewer.id, fromStatus: "IN_REVIEW", toStatus: "IN_REVIEW", level: 0, version: 2 });
    // Typing on (autosaves) is the same restart: one entry in the history.
    await edit(draft.id, reviewer, "审核人员又改了一句。");
    expect(await db().workflowEvent.count({ where: { articleId: draft.id, action: "restart" } })).toBe(1);
    await expect(run(draft.id, "approve", reviewer)).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("修改过") });
    expect((await getWorkflowOptions(draft.id, reviewer))?.actions).toEqual(["reject"]);
    expect((await getWorkflowOptions(draft.id, admin))?.actions).toEqual(["approve", "reject"]);
    await expect(run(draft.id, "approve", admin)).resolves.toMatchObject({ status: "APPROVED" });
  });

  it("voids a level-1 approval when a level-2 reviewer rewrites the text, and that reviewer cannot approve the new round", async () => {
    const draft = await createDraft(editor.id, twoLevel.id);
    await run(draft.id, "submit", editor);
    await run(draft.id, "approve", reviewer);
    await edit(draft.id, reviewer2, "二审改写后的正文。");
    expect(await db().article.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "IN_REVIEW", reviewLevel: 0, version: 2 });
    await expect(run(draft.id, "approve", reviewer2)).rejects.toMatchObject({ code: "forbidden" });
    // The first reviewer has not read the new text: they approve level 1 again, someone else level 2.
    await run(draft.id, "approve", reviewer);
    await expect(run(draft.id, "approve", reviewer2)).rejects.toMatchObject({ code: "forbidden" });
    await run(draft.id, "approve", admin);
    const events = await db().workflowEvent.findMany({ where: { articleId: draft.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId, e.level, e.version])).toEqual([
      ["submit", editor.id, 0, 1],
      ["approve", reviewer.id, 1, 1],
      ["restart", reviewer2.id, 0, 2],
      ["approve", reviewer.id, 1, 2],
      ["approve", admin.id, 2, 2],
    ]);
    await run(draft.id, "publish", admin);
    expect((await getPublicArticle(draft.id))?.live.bodyHtml).toContain("二审改写后的正文。");
  });

  it("refuses an approval of a version the article has moved on from", async () => {
    const draft = await createDraft(editor.id, column.id);
    await run(draft.id, "submit", editor);
    await edit(draft.id, admin, "管理员改过。");
    await expect(run(draft.id, "approve", reviewer, { version: 1 })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("文章已被修改") });
    await expect(run(draft.id, "approve", reviewer, { version: undefined })).rejects.toMatchObject({ code: "invalid" });
    await run(draft.id, "approve", reviewer, { version: 2 });
    expect(await statusOf(draft.id)).toBe("APPROVED");
  });

  it("sends an article edited between final approval and publication back to draft", async () => {
    const draft = await createDraft(editor.id, column.id);
    await run(draft.id, "submit", editor);
    await run(draft.id, "approve", reviewer);
    await edit(draft.id, reviewer, "批准后又改。");
    expect(await statusOf(draft.id)).toBe("DRAFT");
    await expect(run(draft.id, "publish", reviewer)).rejects.toMatchObject({ code: "conflict" });
  });

  it("publishes only the version the last approval approved, whatever path changed the article", async () => {
    const draft = await createDraft(editor.id, column.id);
    await run(draft.id, "submit", editor);
    await run(draft.id, "approve", reviewer);
    // A change that bypassed saveArticle: the approval was for version 1.
    await db().articleRevision.create({ data: { articleId: draft.id, version: 2, title: "未经审核", titleTags: [], subtitle: "", author: "", source: "", summary: "", bodyJson: {}, bodyHtml: "", bodyText: "", authorId: editor.id } });
    await db().article.update({ where: { id: draft.id }, data: { version: 2 } });
    await expect(run(draft.id, "publish", reviewer)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("第 1 版") });
    await expect(run(draft.id, "schedule", reviewer, { scheduledAt: new Date(Date.now() + 600_000) })).rejects.toMatchObject({ code: "conflict" });
    expect(await getPublicArticle(draft.id)).toBeNull();
  });
});

describe("撤回 and 撤稿", () => {
  it("lets the submitter take back their submission before the first approval", async () => {
    const draft = await createDraft(editor.id, column.id);
    await run(draft.id, "submit", editor);
    expect((await getWorkflowOptions(draft.id, editor))?.actions).toEqual(["recall"]);
    expect((await getWorkflowOptions(draft.id, reviewer))?.actions).toEqual(["approve", "reject"]);
    await expect(run(draft.id, "recall", reviewer)).rejects.toMatchObject({ code: "forbidden" });
    await run(draft.id, "recall", editor);
    expect(await db().article.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "DRAFT", reviewLevel: 0 });
    const last = await db().workflowEvent.findFirstOrThrow({ where: { articleId: draft.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "recall", actorId: editor.id, fromStatus: "IN_REVIEW", toStatus: "DRAFT" });
    expect(await db().auditEntry.count({ where: { action: "article.recall", targetId: String(draft.id) } })).toBe(1);
  });

  it("refuses 撤回 once a level is approved", async () => {
    const draft = await createDraft(editor.id, twoLevel.id);
    await run(draft.id, "submit", editor);
    await run(draft.id, "approve", reviewer);
    await expect(run(draft.id, "recall", editor)).rejects.toMatchObject({ code: "conflict" });
    expect(await db().article.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "IN_REVIEW", reviewLevel: 1 });
  });

  it("refuses 撤稿 without a reason, on the server", async () => {
    expect(withdrawSchema.safeParse({ articleId: 1, reason: "   " }).success).toBe(false);
    const draft = await createDraft(editor.id, column.id);
    await run(draft.id, "submit", editor);
    await run(draft.id, "approve", reviewer);
    await run(draft.id, "publish", reviewer);
    await expect(run(draft.id, "withdraw", reviewer, { comment: "  " })).rejects.toMatchObject({ code: "invalid" });
    await expect(run(draft.id, "withdraw", reviewer)).rejects.toMatchObject({ code: "invalid" });
    expect(await getPublicArticle(draft.id)).not.toBeNull();
  });
});

describe("scheduled publishing", () => {
  async function scheduled(at: Date) {
    const draft = await createDraft(editor.id, column.id);
    await run(draft.id, "submit", editor);
    await run(draft.id, "approve", reviewer);
    await run(draft.id, "schedule", reviewer, { scheduledAt: at, now: new Date(at.getTime() - 60_000) });
    return draft.id;
  }

  it("publishes due articles once, even with two schedulers at once", async () => {
    const at = new Date(Date.now() + 120_000);
    const id = await scheduled(at);
    expect(await publishDue(new Date(at.getTime() - 1000))).not.toContain(id);
    expect(await getPublicArticle(id)).toBeNull();

    const after = new Date(at.getTime() + 1000);
    const [a, b] = await Promise.all([publishDue(after), publishDue(after)]);
    expect([...a, ...b].filter((x) => x === id)).toHaveLength(1);
    const row = await db().article.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PUBLISHED", live: true, publishedLate: false });
    expect(await db().workflowEvent.count({ where: { articleId: id, action: "publishDue" } })).toBe(1);
    expect(await publishDue(new Date(after.getTime() + 60_000))).not.toContain(id);
  });

  it("flags a schedule that was missed while the server was down", async () => {
    const at = new Date(Date.now() + 60_000);
    const id = await scheduled(at);
    await publishDue(new Date(at.getTime() + 3_600_000));
    expect(await db().article.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PUBLISHED", publishedLate: true });
  });

  it("publishes the other due articles when one cannot go live, and reports that one in the audit log once", async () => {
    const at = new Date(Date.now() + 180_000);
    const broken = await scheduled(new Date(at.getTime() - 30_000)); // due first
    const fine = await scheduled(at);
    // Its working copy's revision is gone (a damaged import, a hand-made row): goLive refuses it.
    await db().$executeRaw`UPDATE "Article" SET version = version + 7 WHERE id = ${broken}`;
    const after = new Date(at.getTime() + 1000);
    expect(await publishDue(after)).toEqual(expect.arrayContaining([fine]));
    expect(await db().article.findUniqueOrThrow({ where: { id: fine } })).toMatchObject({ status: "PUBLISHED", live: true });
    expect(await db().article.findUniqueOrThrow({ where: { id: broken } })).toMatchObject({ status: "SCHEDULED", live: false });
    await publishDue(new Date(after.getTime() + 60_000)); // the next tick tries again, and is not logged twice
    const failures = await db().auditEntry.findMany({ where: { action: "article.publishDue.failed", targetId: String(broken) } });
    expect(failures).toHaveLength(1);
    expect(failures[0].detail).toMatchObject({ error: expect.stringContaining("修订记录") });
  });

  it("refuses a schedule in the past, and unscheduling returns the article to approved", async () => {
    const draft = await createDraft(editor.id, column.id);
    await run(draft.id, "submit", editor);
    await run(draft.id, "approve", reviewer);
    await expect(run(draft.id, "schedule", reviewer, { scheduledAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({ code: "invalid" });
    await run(draft.id, "schedule", reviewer, { scheduledAt: new Date(Date.now() + 600_000) });
    await run(draft.id, "unschedule", reviewer);
    expect(await db().article.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "APPROVED", scheduledAt: null });
  });
});

describe("word check before submit", () => {
  it("refuses a submission with a blocking word and names it, but lets warnings through", async () => {
    await db().sensitiveWord.upsert({ where: { word: "测试禁用词" }, update: { blocking: true }, create: { word: "测试禁用词", blocking: true, replacement: "规范用语" } });
    await db().sensitiveWord.upsert({ where: { word: "测试提醒词" }, update: { blocking: false }, create: { word: "测试提醒词", blocking: false } });
    const blocked = await createDraft(editor.id, column.id, { body: "正文里有测试禁用词。" });
    await expect(run(blocked.id, "submit", editor)).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining("测试禁用词") });
    expect(await statusOf(blocked.id)).toBe("DRAFT");

    const warned = await createDraft(editor.id, column.id, { body: "正文里只有测试提醒词。" });
    await run(warned.id, "submit", editor);
    expect(await statusOf(warned.id)).toBe("IN_REVIEW");
  });
});
