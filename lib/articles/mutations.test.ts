import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { ActionError } from "@/lib/actions/errors";
import { ForbiddenError } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import type { ConflictDetails } from "./editor-model";
import { createArticle, deleteArticle, duplicateArticle, saveArticle, type ArticleActor } from "./mutations";
import { listHeadlines } from "./public-lists";
import { publicArticleWhere } from "./public-rule";
import { articleContentSchema, saveArticleSchema, type ArticleContentInput } from "./schema";

setupTestDatabase();

let news: number;
let other: number;
let editor: ArticleActor;
let editor2: ArticleActor;
let outsider: ArticleActor;
let reviewer: ArticleActor;

async function user(email: string, role: "EDITOR" | "REVIEWER" | "ADMIN", columnIds: number[]): Promise<ArticleActor> {
  const u = await db().user.create({ data: { email, name: email.split("@")[0], passwordHash: "x", role, columns: { create: columnIds.map((columnId) => ({ columnId })) } } });
  return { id: u.id, email, role, columnIds };
}

beforeAll(async () => {
  news = (await db().column.create({ data: { name: "工作动态", slug: "news" } })).id;
  other = (await db().column.create({ data: { name: "通知公告", slug: "notices" } })).id;
  editor = await user("editor@test.local", "EDITOR", [news]);
  editor2 = await user("editor2@test.local", "EDITOR", [news]);
  outsider = await user("outsider@test.local", "EDITOR", [other]);
  reviewer = await user("reviewer@test.local", "REVIEWER", [news]);
});

const doc = (...texts: string[]): RichTextNode => ({ type: "doc", content: texts.map((t) => ({ type: "paragraph", content: [{ type: "text", text: t }] })) });

function content(overrides: Partial<ArticleContentInput> = {}) {
  return articleContentSchema.parse({ title: "乌海市召开安全生产工作会议", columnId: news, bodyJson: doc("会议强调，要压实责任。"), ...overrides });
}

const save = (id: number, baseVersion: number, overrides: Partial<ArticleContentInput> = {}, actor = editor, autosave = false) =>
  saveArticle({ ...content(overrides), id, baseVersion }, actor, { autosave });

describe("creating and saving", () => {
  it("creates a draft by its author, with revision 1 and an audit entry", async () => {
    const created = await createArticle(content({ titleTags: ["工作动态"], author: "市应急管理局", source: "乌海日报" }), editor);
    expect(created).toMatchObject({ version: 1, status: "DRAFT", unchanged: false });
    const row = await db().article.findUniqueOrThrow({ where: { id: created.id }, include: { revisions: true } });
    expect(row).toMatchObject({ status: "DRAFT", createdById: editor.id, updatedById: editor.id, live: false, version: 1 });
    expect(row.bodyHtml).toBe("<p>会议强调，要压实责任。</p>");
    expect(row.revisions.map((r) => [r.version, r.note, r.authorId])).toEqual([[1, "新建", editor.id]]);
    expect(await db().auditEntry.count({ where: { action: "article.create", targetId: String(created.id) } })).toBe(1);
  });

  it("appends a revision per save, marks autosaves, and writes nothing when nothing changed", async () => {
    const { id } = await createArticle(content(), editor);
    const second = await save(id, 1, { bodyJson: doc("会议强调，要压实责任。", "第二段。") }, editor, true);
    expect(second).toMatchObject({ version: 2, unchanged: false });
    const same = await save(id, 2, { bodyJson: doc("会议强调，要压实责任。", "第二段。") }, editor, true);
    expect(same).toMatchObject({ version: 2, unchanged: true });
    const revisions = await db().articleRevision.findMany({ where: { articleId: id }, orderBy: { version: "asc" } });
    expect(revisions.map((r) => [r.version, r.note, r.bodyText])).toEqual([
      [1, "新建", "会议强调，要压实责任。"],
      [2, "自动保存", "会议强调，要压实责任。\n第二段。"],
    ]);
  });

  it("stores attachments in order and snapshots them in the revision", async () => {
    const media = await Promise.all(
      ["方案.pdf", "名单.xlsx"].map((name, i) =>
        db().media.create({ data: { kind: "ATTACHMENT", storageKey: `files/t/${i}-${Date.now()}.pdf`, originalName: name, mimeType: "application/pdf", size: 10, sha256: `${i}`, uploadedById: editor.id } }),
      ),
    );
    const { id } = await createArticle(content({ attachments: [{ mediaId: media[1].id, name: "名单" }, { mediaId: media[0].id, name: "方案" }] }), editor);
    const rows = await db().attachment.findMany({ where: { articleId: id }, orderBy: { position: "asc" } });
    expect(rows.map((r) => r.name)).toEqual(["名单", "方案"]);
    const revision = await db().articleRevision.findFirstOrThrow({ where: { articleId: id } });
    expect(revision.attachments).toEqual([{ mediaId: media[1].id, name: "名单" }, { mediaId: media[0].id, name: "方案" }]);
    await expect(createArticle(content({ attachments: [{ mediaId: 999_999, name: "x" }] }), editor)).rejects.toThrow("有附件已不存在");
  });

  it("refuses a body whose pictures are still uploading", () => {
    const pending = { type: "doc", content: [{ type: "image", attrs: { src: "blob:http://x/1", alt: "a" } }] };
    const parsed = saveArticleSchema.safeParse({ ...content(), bodyJson: pending, id: 1, baseVersion: 1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe("还有图片正在上传，请稍候再保存。");
  });
});

describe("no silent overwrite", () => {
  it("refuses a save based on an old version and hands back the stored copy", async () => {
    const { id } = await createArticle(content(), editor);
    await save(id, 1, { title: "编辑二改过的标题" }, editor2);
    const refused = await save(id, 1, { title: "编辑一的标题" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ActionError);
    const error = refused as ActionError;
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/editor2已在您之后保存了这篇文章（第 2 版）/);
    expect((error.details as unknown as ConflictDetails).current).toMatchObject({ id, version: 2, title: "编辑二改过的标题", updatedBy: "editor2" });
    expect((await db().article.findUniqueOrThrow({ where: { id } })).title).toBe("编辑二改过的标题");
  });

  it("accepts a save from an older version that is exactly what is stored (it got through before)", async () => {
    const { id } = await createArticle(content(), editor);
    await save(id, 1, { bodyJson: doc("会议强调，要压实责任。", "断网时发出的一段。") });
    // The browser saw that save fail, and sends the same text again from version 1.
    const again = await save(id, 1, { bodyJson: doc("会议强调，要压实责任。", "断网时发出的一段。") });
    expect(again).toMatchObject({ version: 2, unchanged: true });
    expect(await db().articleRevision.count({ where: { articleId: id } })).toBe(2);
    // Anything else from version 1 is still refused.
    await expect(save(id, 1, { bodyJson: doc("另一段。") })).rejects.toMatchObject({ code: "conflict" });
  });

  it("lets exactly one of two simultaneous saves of the same version through", async () => {
    const { id } = await createArticle(content(), editor);
    const results = await Promise.allSettled([save(id, 1, { title: "甲" }), save(id, 1, { title: "乙" }, editor2)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as ActionError).code).toBe("conflict");
    expect(await db().articleRevision.count({ where: { articleId: id } })).toBe(2);
  });
});

describe("saving reviewed and published articles", () => {
  async function published() {
    const { id } = await createArticle(content(), editor);
    const revision = await db().articleRevision.findFirstOrThrow({ where: { articleId: id } });
    await db().article.update({
      where: { id },
      data: { status: "PUBLISHED", live: true, liveRevisionId: revision.id, publishedAt: new Date("2024-01-02T03:04:05Z"), reviewLevel: 1 },
    });
    return { id, liveRevisionId: revision.id };
  }

  it("sends an edit of a published article back to draft while the public keeps the approved version", async () => {
    const { id, liveRevisionId } = await published();
    const saved = await save(id, 1, { title: "修改后的标题", publishedAt: new Date("2024-01-02T03:04:05Z") });
    expect(saved).toMatchObject({ status: "DRAFT", backToDraft: true, version: 2 });
    const row = await db().article.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "DRAFT", reviewLevel: 0, scheduledAt: null, live: true, liveRevisionId, title: "修改后的标题" });
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "article.save", targetId: String(id) } });
    expect(audit.detail).toMatchObject({ statusFrom: "PUBLISHED", statusTo: "DRAFT" });
  });

  it("sends a scheduled article back to draft and drops its schedule", async () => {
    const { id } = await createArticle(content(), editor);
    await db().article.update({ where: { id }, data: { status: "SCHEDULED", scheduledAt: new Date(Date.now() + 3600_000), reviewLevel: 1 } });
    await save(id, 1, { summary: "新摘要" });
    expect(await db().article.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT", scheduledAt: null, reviewLevel: 0 });
  });

  it("keeps an article under review with the reviewers: editors are told why they cannot save", async () => {
    const { id } = await createArticle(content(), editor);
    await db().article.update({ where: { id }, data: { status: "IN_REVIEW" } });
    await expect(save(id, 1, { title: "改" })).rejects.toThrow("文章正在审核中，审核完成或退回后才能修改。");
    expect(await save(id, 1, { title: "审核人员改" }, reviewer)).toMatchObject({ status: "IN_REVIEW", version: 2 });
  });
});

describe("placement of a live article", () => {
  const publishedAt = new Date("2024-01-02T03:04:05Z");
  async function live() {
    const { id } = await createArticle(content({ publishedAt }), editor);
    const revision = await db().articleRevision.findFirstOrThrow({ where: { articleId: id } });
    await db().article.update({ where: { id }, data: { status: "PUBLISHED", live: true, liveRevisionId: revision.id, reviewLevel: 1 } });
    return id;
  }
  const publicRow = (id: number) => db().article.findFirstOrThrow({ where: { id, ...publicArticleWhere() }, select: { columnId: true, pinned: true, headline: true, publishedAt: true } });

  it("never lets a save move its 公开日期 into the future or clear it: only 撤稿 takes it down", async () => {
    const id = await live();
    await expect(save(id, 1, { publishedAt: new Date(Date.now() + 86_400_000) }, reviewer)).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining("撤稿") });
    await expect(save(id, 1, { publishedAt: null }, reviewer)).rejects.toMatchObject({ code: "invalid" });
    await expect(save(id, 1, { publishedAt: new Date(Date.now() + 86_400_000) })).rejects.toBeInstanceOf(ActionError);
    expect(await publicRow(id)).toMatchObject({ publishedAt });
  });

  it("refuses an editor's change of column, 头条 or 置顶 of a live article: the public site stays as it is", async () => {
    const id = await live();
    const wide = await user("wide@test.local", "EDITOR", [news, other]);
    for (const change of [{ headline: true }, { pinned: true }, { columnId: other }, { publishedAt: new Date("2023-01-01T00:00:00Z") }]) {
      await expect(save(id, 1, { publishedAt, ...change }, wide), JSON.stringify(change)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await publicRow(id)).toMatchObject({ columnId: news, pinned: false, headline: false, publishedAt });
    expect(await db().auditEntry.count({ where: { action: "article.placement", targetId: String(id) } })).toBe(0);
  });

  it("lets a publisher change it at once, audited with before and after, without touching the review state", async () => {
    const id = await live();
    const saved = await save(id, 1, { publishedAt, pinned: true, headline: true }, reviewer);
    expect(saved).toMatchObject({ status: "PUBLISHED", backToDraft: false });
    expect(await publicRow(id)).toMatchObject({ pinned: true, headline: true });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "article.placement", targetId: String(id) } });
    expect(entry.detail).toMatchObject({
      before: { columnId: news, pinned: false, headline: false, publishedAt: publishedAt.toISOString() },
      after: { columnId: news, pinned: true, headline: true, publishedAt: publishedAt.toISOString() },
    });
  });

  it("shows the cover's alt text stored with the live revision, not the media library's current one", async () => {
    const cover = await db().media.create({ data: { kind: "IMAGE", storageKey: `images/t/${Date.now()}.jpg`, originalName: "c.jpg", mimeType: "image/jpeg", size: 10, sha256: "c", alt: "审核过的说明", uploadedById: editor.id } });
    const { id } = await createArticle(content({ coverId: cover.id, headline: true, publishedAt }), editor);
    const revision = await db().articleRevision.findFirstOrThrow({ where: { articleId: id } });
    expect(revision.coverAlt).toBe("审核过的说明");
    await db().article.update({ where: { id }, data: { status: "PUBLISHED", live: true, liveRevisionId: revision.id, reviewLevel: 1 } });
    await db().media.update({ where: { id: cover.id }, data: { alt: "没人审核过的说明" } });
    const headline = (await listHeadlines(50)).find((h) => h.id === id);
    expect(headline?.image?.alt).toBe("审核过的说明");
  });
});

describe("permissions", () => {
  it("refuses writing in, or moving into, a column the user is not assigned to", async () => {
    await expect(createArticle(content({ columnId: other }), editor)).rejects.toThrow(ForbiddenError);
    const { id } = await createArticle(content(), editor);
    await expect(save(id, 1, { columnId: other })).rejects.toThrow(ForbiddenError);
    await expect(save(id, 1, {}, outsider)).rejects.toThrow(ForbiddenError);
  });
});

describe("deleting and duplicating", () => {
  it("deletes the author's own never-published draft, and nothing else", async () => {
    const mine = await createArticle(content(), editor);
    await expect(deleteArticle(mine.id, editor2)).rejects.toThrow(ForbiddenError);
    await deleteArticle(mine.id, editor);
    expect(await db().article.findUnique({ where: { id: mine.id } })).toBeNull();
    expect(await db().auditEntry.count({ where: { action: "article.delete", targetId: String(mine.id) } })).toBe(1);

    const wasPublic = await createArticle(content(), editor);
    await db().article.update({ where: { id: wasPublic.id }, data: { status: "WITHDRAWN", withdrawnAt: new Date() } });
    await db().article.update({ where: { id: wasPublic.id }, data: { status: "DRAFT" } });
    await expect(deleteArticle(wasPublic.id, editor)).rejects.toThrow(ForbiddenError);
  });

  it("duplicates as a new draft of the user's own, never published", async () => {
    const { id } = await createArticle(content({ summary: "摘要", pinned: true, publishedAt: new Date("2024-05-01T00:00:00Z") }), editor);
    const copy = await duplicateArticle(id, editor2);
    const row = await db().article.findUniqueOrThrow({ where: { id: copy.id } });
    expect(row).toMatchObject({ title: "乌海市召开安全生产工作会议（副本）", summary: "摘要", status: "DRAFT", createdById: editor2.id, pinned: false, publishedAt: null, version: 1 });
    await expect(duplicateArticle(id, outsider)).rejects.toThrow(ForbiddenError);
  });
});

describe("the 敏感词 check on save", () => {
  it("reports listed words found in the saved text", async () => {
    await db().sensitiveWord.create({ data: { word: "压实责任测试词", blocking: false, replacement: "压紧压实责任" } });
    const saved = await createArticle(content({ bodyJson: doc("要压实责任测试词。") }), editor);
    expect(saved.words).toContainEqual({ word: "压实责任测试词", blocking: false, replacement: "压紧压实责任", count: 1 });
  });
});
