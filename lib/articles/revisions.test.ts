import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { db } from "@/lib/db/client";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import { createArticle, saveArticle, type ArticleActor } from "./mutations";
import { changesSincePublished, compareRevisions, listRevisions, restoreRevision } from "./revisions";
import { articleContentSchema } from "./schema";

setupTestDatabase();

let editor: ArticleActor;
let columnId: number;
const doc = (...texts: string[]): RichTextNode => ({ type: "doc", content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });
const content = (title: string, ...texts: string[]) => articleContentSchema.parse({ title, columnId, bodyJson: doc(...texts) });

beforeAll(async () => {
  columnId = (await db().column.create({ data: { name: "工作动态", slug: "news" } })).id;
  const u = await db().user.create({ data: { email: "e@test.local", name: "王编辑", passwordHash: "x", role: "EDITOR", columns: { create: [{ columnId }] } } });
  editor = { id: u.id, email: u.email, role: "EDITOR", columnIds: [columnId] };
});

describe("revisions", () => {
  it("lists who saved which version when, newest first; diffs any two; restores an old one as a new version", async () => {
    const { id } = await createArticle(content("第一稿", "第一段。"), editor);
    await saveArticle({ ...content("第二稿", "第一段。", "第二段。"), id, baseVersion: 1 }, editor, { autosave: true });
    await saveArticle({ ...content("第三稿", "第一段改过了。", "第二段。"), id, baseVersion: 2 }, editor);

    const list = await listRevisions(id);
    expect(list.total).toBe(3);
    expect(list.items.map((r) => [r.version, r.author, r.note, r.title])).toEqual([
      [3, "王编辑", "", "第三稿"],
      [2, "王编辑", "自动保存", "第二稿"],
      [1, "王编辑", "新建", "第一稿"],
    ]);

    const [v3, , v1] = list.items;
    const compared = await compareRevisions(id, v1.id, v3.id);
    expect(compared!.diff.fields.map((f) => [f.label, f.before, f.after])).toEqual([["标题", "第一稿", "第三稿"]]);
    expect(compared!.diff.blocks.map((b) => b.kind)).toEqual(["changed", "added"]);
    expect(await compareRevisions(id, v1.id, 999_999)).toBeNull();

    const restored = await restoreRevision({ articleId: id, revisionId: v1.id, baseVersion: 3 }, editor);
    expect(restored).toMatchObject({ version: 4, unchanged: false });
    const article = await db().article.findUniqueOrThrow({ where: { id } });
    expect(article).toMatchObject({ title: "第一稿", bodyText: "第一段。", version: 4 });
    const revisions = await db().articleRevision.findMany({ where: { articleId: id }, orderBy: { version: "asc" } });
    expect(revisions.map((r) => [r.version, r.title, r.note])).toEqual([
      [1, "第一稿", "新建"],
      [2, "第二稿", "自动保存"],
      [3, "第三稿", ""],
      [4, "第一稿", "恢复自第 1 版"],
    ]);
    expect(await db().auditEntry.count({ where: { action: "article.restore", targetId: String(id) } })).toBe(1);
  });

  it("gives a reviewer the published version against the newest save, and nothing when there is nothing to compare", async () => {
    const { id } = await createArticle(content("通告", "原有线路。"), editor);
    await saveArticle({ ...content("通告", "原有线路。", "补充一段。"), id, baseVersion: 1 }, editor);
    const [v2, v1] = (await listRevisions(id)).items;
    // Never published: the revisions page's own default is used instead.
    expect(await changesSincePublished(id, null)).toBeNull();
    // Published at version 1, saved since: version 1 → the newest.
    expect(await changesSincePublished(id, v1.id)).toEqual({ from: v1.id, to: v2.id });
    // The newest is the published one: no changes to show.
    expect(await changesSincePublished(id, v2.id)).toBeNull();
  });

  it("refuses a restore based on an old version, like any save", async () => {
    const { id } = await createArticle(content("甲", "正文。"), editor);
    await saveArticle({ ...content("乙", "正文。"), id, baseVersion: 1 }, editor);
    const [, first] = (await listRevisions(id)).items;
    await expect(restoreRevision({ articleId: id, revisionId: first.id, baseVersion: 1 }, editor)).rejects.toMatchObject({ code: "conflict" });
  });

  it("shows a change of the cover's alt text as the revisions saved it, and saves one made in the media library as a change", async () => {
    const cover = await db().media.create({ data: { kind: "IMAGE", storageKey: `images/r/${Date.now()}.jpg`, originalName: "会场.jpg", mimeType: "image/jpeg", size: 1, sha256: "r", alt: "会议现场", uploadedById: editor.id } });
    const input = { ...content("有封面", "正文。"), coverId: cover.id };
    const { id } = await createArticle(input, editor);
    await db().media.update({ where: { id: cover.id }, data: { alt: "市安全生产工作会议现场" } });
    // Nothing typed, but what the public would see changed: a new version, for review.
    expect(await saveArticle({ ...input, id, baseVersion: 1 }, editor)).toMatchObject({ version: 2, unchanged: false });
    const [second, first] = (await listRevisions(id)).items;
    const compared = await compareRevisions(id, first.id, second.id);
    expect(compared!.diff.fields.map((f) => [f.label, f.before, f.after])).toEqual([["封面图片说明", "会议现场", "市安全生产工作会议现场"]]);
  });

  it("does not restore a revision of another article", async () => {
    const a = await createArticle(content("文章甲", "正文。"), editor);
    const b = await createArticle(content("文章乙", "正文。"), editor);
    const [revisionOfB] = (await listRevisions(b.id)).items;
    await expect(restoreRevision({ articleId: a.id, revisionId: revisionOfB.id, baseVersion: 1 }, editor)).rejects.toMatchObject({ code: "not_found" });
  });
});
