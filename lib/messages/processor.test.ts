import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createDraft, createUser } from "@/test/factories";
import { db } from "@/lib/db/client";
import { saveArticle } from "@/lib/articles/mutations";
import { articleContentSchema } from "@/lib/articles/schema";
import { runTransition, type TransitionInput } from "@/lib/workflow/mutations";
import { publishDue } from "@/lib/workflow/scheduler";
import { markAllMessagesRead, markMessageRead } from "./mutations";
import { processMessages } from "./processor";

setupTestDatabase();

type Who = Awaited<ReturnType<typeof createUser>>;
let twoLevel: { id: number };
let editor: Who, reviewer: Who, reviewer2: Who, outsider: Who, admin: Who;

beforeAll(async () => {
  twoLevel = await createColumn(2);
  editor = await createUser("EDITOR", [twoLevel.id]);
  reviewer = await createUser("REVIEWER", [twoLevel.id]);
  reviewer2 = await createUser("REVIEWER", [twoLevel.id]);
  outsider = await createUser("REVIEWER", []);
  admin = await createUser("ADMIN"); // not a member of the column: told only when nobody in it can review
});

async function run(articleId: number, action: TransitionInput["action"], actor: Who, extra: Partial<TransitionInput> = {}) {
  const version = action === "approve" ? (await db().article.findUniqueOrThrow({ where: { id: articleId } })).version : undefined;
  return runTransition({ articleId, action, actor, version, ...extra });
}

/** The messages of one article, as [recipient, kind] pairs in the order they were written. */
async function messagesOf(articleId: number) {
  const rows = await db().message.findMany({ where: { articleId }, orderBy: [{ eventId: "asc" }, { recipientId: "asc" }] });
  return rows.map((m) => [m.recipientId, m.kind, m.text] as const);
}

describe("站内消息 from workflow events", () => {
  it("tells each event's people, once: waiting reviewers per level, then the author when returned, approved, published, withdrawn", async () => {
    const draft = await createDraft(editor.id, twoLevel.id, { title: "消息测试" });
    await run(draft.id, "submit", editor);
    await processMessages();
    expect((await messagesOf(draft.id)).map(([to, kind]) => [to, kind])).toEqual([
      [reviewer.id, "REVIEW_WAITING"],
      [reviewer2.id, "REVIEW_WAITING"],
    ]);

    await run(draft.id, "reject", reviewer, { comment: "请核对<数据>" });
    await processMessages();
    const returned = (await messagesOf(draft.id)).filter(([, kind]) => kind === "RETURNED");
    expect(returned).toEqual([[editor.id, "RETURNED", "《消息测试》被退回修改。审核意见：请核对<数据>"]]);

    await run(draft.id, "submit", editor);
    await run(draft.id, "approve", reviewer);
    await processMessages();
    // Level 2 waits for those who have not approved level 1 of this round.
    const level2 = await db().message.findMany({ where: { articleId: draft.id, text: { contains: "第 2 级" } } });
    expect(level2.map((m) => m.recipientId)).toEqual([reviewer2.id]);

    await run(draft.id, "approve", reviewer2);
    await run(draft.id, "publish", reviewer2);
    await run(draft.id, "withdraw", reviewer, { comment: "信息有误" });
    await processMessages();
    await processMessages(); // a second pass writes nothing again
    const last = (await messagesOf(draft.id)).slice(-3);
    expect(last.map(([to, kind]) => [to, kind])).toEqual([
      [editor.id, "APPROVED"],
      [editor.id, "PUBLISHED"],
      [editor.id, "WITHDRAWN"],
    ]);
    expect(last[2][2]).toContain("信息有误");
    const all = await db().message.findMany({ where: { articleId: draft.id } });
    expect(new Set(all.map((m) => `${m.eventId}:${m.recipientId}`)).size).toBe(all.length);
    expect(all.some((m) => m.recipientId === outsider.id || m.recipientId === admin.id)).toBe(false);
  });

  it("tells the author and who scheduled it when a schedule was missed, and admins when nobody in the column may review", async () => {
    const lonely = await createColumn(1);
    const author = await createUser("EDITOR", [lonely.id]);
    const draft = await createDraft(author.id, lonely.id, { title: "无人审核" });
    await run(draft.id, "submit", author);
    await processMessages();
    const waiting = await db().message.findMany({ where: { articleId: draft.id } });
    expect(waiting.map((m) => [m.recipientId, m.kind])).toContainEqual([admin.id, "REVIEW_WAITING"]);

    await run(draft.id, "approve", admin);
    const at = new Date(Date.now() + 60_000);
    await run(draft.id, "schedule", admin, { scheduledAt: at });
    await publishDue(new Date(at.getTime() + 3600_000)); // the server was down for an hour
    await processMessages();
    const late = await db().message.findMany({ where: { articleId: draft.id, kind: "PUBLISHED_LATE" } });
    expect(late.map((m) => m.recipientId).sort()).toEqual([author.id, admin.id].sort());
  });

  it("writes each event's messages once when two processors race, and a restart tells level 1 again", async () => {
    const draft = await createDraft(editor.id, twoLevel.id);
    await run(draft.id, "submit", editor);
    await run(draft.id, "approve", reviewer);
    await Promise.all([processMessages(), processMessages(), processMessages()]);
    const rows = await db().message.findMany({ where: { articleId: draft.id } });
    expect(rows.map((m) => m.recipientId).sort()).toEqual([reviewer.id, reviewer2.id, reviewer2.id].sort());
    expect(new Set(rows.map((m) => `${m.eventId}:${m.recipientId}`)).size).toBe(rows.length);

    // reviewer2 edits the article in review: the round restarts and level 1 waits again, for the others.
    const row = await db().article.findUniqueOrThrow({ where: { id: draft.id } });
    const input = articleContentSchema.parse({
      title: row.title,
      columnId: row.columnId,
      author: row.author,
      source: row.source,
      bodyJson: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "改过的正文" }] }] },
    });
    await saveArticle({ ...input, id: draft.id, baseVersion: row.version }, reviewer2);
    await processMessages();
    const restart = await db().workflowEvent.findFirstOrThrow({ where: { articleId: draft.id, action: "restart" } });
    const told = await db().message.findMany({ where: { eventId: restart.id } });
    expect(told.map((m) => [m.recipientId, m.kind])).toEqual([[reviewer.id, "REVIEW_WAITING"]]);
  });

  it("tells the people a level names: each 会签 signer once, the next level when all have signed, and the reopened level on 退回上一级", async () => {
    const column = await createColumn(3);
    const [author, chief, deputy1, deputy2, head] = await Promise.all([
      createUser("EDITOR", [column.id]),
      createUser("REVIEWER", [column.id]),
      createUser("REVIEWER", [column.id]),
      createUser("REVIEWER", [column.id]),
      createUser("REVIEWER", [column.id]),
    ]);
    const name = (level: number, mode: "ANY" | "ALL", users: Who[]) =>
      db().columnReviewLevel.create({ data: { columnId: column.id, level, mode, reviewers: { create: users.map((u) => ({ userId: u.id })) } } });
    await name(1, "ANY", [chief]);
    await name(2, "ALL", [deputy1, deputy2]);
    await name(3, "ANY", [head]);
    const draft = await createDraft(author.id, column.id, { title: "三级审核" });
    const toldOf = async (action: string) => {
      await processMessages();
      const event = await db().workflowEvent.findFirstOrThrow({ where: { articleId: draft.id, action }, orderBy: { id: "desc" } });
      return (await db().message.findMany({ where: { eventId: event.id }, orderBy: { recipientId: "asc" } })).map((m) => [m.recipientId, m.kind]);
    };

    await run(draft.id, "submit", author);
    expect(await toldOf("submit")).toEqual([[chief.id, "REVIEW_WAITING"]]);
    await run(draft.id, "approve", chief);
    expect(await toldOf("approve")).toEqual([
      [deputy1.id, "REVIEW_WAITING"],
      [deputy2.id, "REVIEW_WAITING"],
    ]);
    // The first 会签 signature: deputy2 was told already, the level is not passed.
    await run(draft.id, "approve", deputy1);
    expect(await toldOf("approve")).toEqual([]);
    await run(draft.id, "sendBack", deputy2, { comment: "请一审再核数据" });
    expect(await toldOf("sendBack")).toEqual([[chief.id, "RETURNED"]]);
    await run(draft.id, "approve", chief);
    await run(draft.id, "approve", deputy1);
    await run(draft.id, "approve", deputy2);
    expect(await toldOf("approve")).toEqual([[head.id, "REVIEW_WAITING"]]);
  });

  it("lets a user mark only their own messages read", async () => {
    const [mine] = await db().message.findMany({ where: { recipientId: reviewer2.id, readAt: null }, take: 1 });
    await expect(markMessageRead(editor.id, mine.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await db().message.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toBeNull();
    await markMessageRead(reviewer2.id, mine.id);
    expect((await db().message.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
    const count = await markAllMessagesRead(reviewer2.id);
    expect(count).toBeGreaterThan(0);
    expect(await db().message.count({ where: { recipientId: reviewer2.id, readAt: null } })).toBe(0);
    expect(await db().message.count({ where: { recipientId: reviewer.id, readAt: null } })).toBeGreaterThan(0);
  });
});
