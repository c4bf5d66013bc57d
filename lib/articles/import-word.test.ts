import { storedValidityOf } from "@/lib/documents/validity";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { actAs } from "@/test/session";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createDraft, createUser } from "@/test/factories";
import { compoundFile, NOTICE, noticeDocx } from "@/test/docx-fixtures";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { importWord, importWordAction, importWordSchema } from "./import-word";
import { saveArticle } from "./mutations";
import { nodesOfType } from "@/test/rich-text";

/**
 * 导入 Word 文档 on a real database: the draft and its pictures belong to the importing
 * user, the permission is the column's, and a refused import leaves nothing behind.
 */
setupTestDatabase();

let mine: { id: number };
let theirs: { id: number };
let editor: SessionUser;
let docx: Uint8Array;

beforeAll(async () => {
  mine = await createColumn();
  theirs = await createColumn();
  editor = { ...(await createUser("EDITOR", [mine.id])), securityStep: null };
  docx = new Uint8Array(await noticeDocx());
});

const mediaCount = () => db().media.count();
const input = (fields: Record<string, unknown>) => importWordSchema.parse({ name: "春季植树通知.docx", data: docx, ...fields });

describe("a new draft from a Word document", () => {
  it("is created in the column, titled from the document, with its pictures stored as the importer's", async () => {
    const before = await mediaCount();
    const result = await importWord(input({ mode: "draft", columnId: mine.id }), editor);
    if (result.mode !== "draft") throw new Error("expected a draft");
    expect(result.title).toBe(NOTICE.title);

    const article = await db().article.findUniqueOrThrow({ where: { id: result.articleId } });
    expect(article).toMatchObject({ title: NOTICE.title, columnId: mine.id, status: "DRAFT", version: 1, createdById: editor.id });
    expect(article.bodyHtml).toContain("<h2>一、总体要求</h2>");
    expect(article.bodyHtml).toContain('<td colspan="2">');
    expect(article.bodyHtml).toContain("<sup>[1]</sup>");
    expect(article.bodyText).toContain(NOTICE.footnote);

    // The picture: one media item, owned by the importer, re-encoded into renditions on disk, used by the article.
    expect(await mediaCount()).toBe(before + 1);
    const [image] = nodesOfType(article.bodyJson as never, "image");
    const media = await db().media.findUniqueOrThrow({ where: { id: image.attrs!.mediaId as number } });
    expect(media).toMatchObject({ kind: "IMAGE", uploadedById: editor.id, alt: NOTICE.alt, width: 320, height: 200, mimeType: "image/jpeg" });
    expect(media.originalName).toBe("春季植树通知-图1.png");
    expect(image.attrs).toMatchObject({ alt: NOTICE.alt, caption: NOTICE.caption });
    expect(String(image.attrs!.src)).toMatch(/^\/media\/images\/\d{4}\/[0-9a-f-]{36}\/w320\.jpg$/);
    expect(fs.existsSync(path.join(process.env.MEDIA_DIR!, String(image.attrs!.src).replace(/^\/media\//, "")))).toBe(true);
    expect(await db().mediaUse.count({ where: { articleId: article.id, mediaId: media.id } })).toBe(1);

    const revision = await db().articleRevision.findFirstOrThrow({ where: { articleId: article.id } });
    expect(revision.note).toBe("导入 Word 文档");
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "article.importWord", targetId: String(article.id) } });
    expect(entry).toMatchObject({ actorId: editor.id, targetType: "article" });
    expect(entry.detail).toMatchObject({ name: "春季植树通知.docx", mode: "draft", pictures: 1, tables: 1, notes: 1 });
  });

  it("the same picture imported again is the same media item", async () => {
    const before = await mediaCount();
    await importWord(input({ mode: "draft", columnId: mine.id }), editor);
    expect(await mediaCount()).toBe(before);
  });

  it("is refused in a column the user does not work in — before anything is stored", async () => {
    const articles = await db().article.count();
    const before = await mediaCount();
    await expect(importWord(input({ mode: "draft", columnId: theirs.id }), editor)).rejects.toMatchObject({ code: "forbidden" });
    expect(await mediaCount()).toBe(before);
    expect(await db().article.count()).toBe(articles);
  });

  it("through the endpoint's action: the session decides who imports, the messages say what is wrong with a file", async () => {
    actAs(editor);
    const refused = await importWordAction({ mode: "draft", columnId: theirs.id, name: "a.docx", data: docx });
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    const before = await mediaCount();
    const legacy = await importWordAction({ mode: "draft", columnId: mine.id, name: "旧.doc", data: compoundFile(["WordDocument"]) });
    expect(legacy).toEqual({ ok: false, code: "invalid", error: "这是旧版 .doc/.wps 格式，请在 Word/WPS 中另存为 .docx 后再导入。" });
    const locked = await importWordAction({ mode: "draft", columnId: mine.id, name: "加密.docx", data: compoundFile(["EncryptionInfo", "EncryptedPackage"]) });
    expect(locked).toEqual({ ok: false, code: "invalid", error: "文件已加密（设有密码），请取消密码后再导入。" });
    const damaged = await importWordAction({ mode: "draft", columnId: mine.id, name: "坏.docx", data: docx.subarray(0, 2000) });
    expect(damaged).toEqual({ ok: false, code: "invalid", error: "文件已损坏，无法读取。" });
    expect(await mediaCount()).toBe(before);
    actAs(null);
    expect(await importWordAction({ mode: "draft", columnId: mine.id, name: "a.docx", data: docx })).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("a Word document into the open article", () => {
  it("returns the body for the editor and saves nothing", async () => {
    const draft = await createDraft(editor.id, mine.id, { title: "已有文章" });
    const result = await importWord(input({ mode: "body", articleId: draft.id, columnId: mine.id }), editor);
    if (result.mode !== "body") throw new Error("expected a body");
    expect(result.title).toBe(NOTICE.title);
    expect(result.titleBlock).toMatchObject({ type: "heading" });
    expect(nodesOfType(result.body, "image")[0].attrs).toMatchObject({ alt: NOTICE.alt });
    expect(await db().article.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ version: 1, title: "已有文章" });

    // The editor's own save then stores it.
    const saved = await saveArticle({ ...(await contentOf(draft.id)), bodyJson: result.body, id: draft.id, baseVersion: 1 }, editor);
    expect(saved.version).toBe(2);
    expect((await db().article.findUniqueOrThrow({ where: { id: draft.id } })).bodyHtml).toContain("（一）科学选择树种");
  });

  it("works for an article not saved yet, in the user's column", async () => {
    const result = await importWord(input({ mode: "body", columnId: mine.id }), editor);
    expect(result.mode).toBe("body");
  });

  it("is refused for another column's article", async () => {
    const other = await createUser("EDITOR", [theirs.id]);
    const draft = await createDraft(other.id, theirs.id);
    const before = await mediaCount();
    await expect(importWord(input({ mode: "body", articleId: draft.id }), editor)).rejects.toMatchObject({ code: "forbidden" });
    await expect(importWord(input({ mode: "body", columnId: theirs.id }), editor)).rejects.toMatchObject({ code: "forbidden" });
    expect(await mediaCount()).toBe(before);
  });
});

async function contentOf(id: number) {
  const a = await db().article.findUniqueOrThrow({ where: { id } });
  return {
    title: a.title,
    titleTags: a.titleTags,
    subtitle: a.subtitle,
    columnId: a.columnId,
    author: a.author,
    source: a.source,
    summary: a.summary,
    coverId: a.coverId,
    publishedAt: a.publishedAt,
    pinned: a.pinned,
    headline: a.headline,
    attachments: [],
    indexNo: a.indexNo,
    topic: a.topic,
    issuingOrg: a.issuingOrg,
    writtenAt: a.writtenAt,
    docNo: a.docNo,
    ...storedValidityOf(a),
    interpretationKind: a.interpretationKind,
    interprets: [],
  };
}
