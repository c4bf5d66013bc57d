import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { poolConfigFromUrl } from "@/lib/db/connection";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { writeArticles, type BulkArticle, type BulkContent } from "./articles";

/**
 * The bulk writer on a real database: every field and every character survives COPY,
 * the media a revision uses are recorded by the triggers that stay on, the caller's rows
 * commit with the articles, and a failure anywhere leaves nothing.
 */
const databaseUrl = setupTestDatabase();

let client: pg.Client;
let userId: number;
let columnId: number;
let media: { id: number; storageKey: string }[];

beforeAll(async () => {
  client = new pg.Client(poolConfigFromUrl(databaseUrl()));
  await client.connect();
  userId = (await createUser("ADMIN")).id;
  columnId = (await createColumn()).id;
  media = await Promise.all(
    ["images/2024/a/w960.jpg", "files/2024/b.pdf"].map((storageKey, i) =>
      db().media.create({ data: { kind: i ? "ATTACHMENT" : "IMAGE", storageKey, originalName: `f${i}`, mimeType: i ? "application/pdf" : "image/jpeg", size: 1, sha256: `s${i}`, uploadedById: userId } }),
    ),
  );
});

afterAll(() => client.end());

const awkward = 'tab\there, line\nbreak, back\\slash, \\N, quote " and 【括号】{a,b}';

function content(extra: Partial<BulkContent> = {}): BulkContent {
  return {
    title: `标题 ${awkward}`,
    titleTags: ["重要", 'with "quote"', "back\\slash", "a,b{c}"],
    subtitle: "副标题",
    author: "市政府办公室",
    source: "乌海日报",
    summary: awkward,
    bodyJson: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: awkward }] }] },
    bodyHtml: `<p>${awkward}</p><p><img src="/media/${media[0].storageKey}" alt=""></p>`,
    bodyText: awkward,
    coverId: media[0].id,
    coverAlt: "封面说明",
    attachments: [{ mediaId: media[1].id, name: "实施方案.pdf" }],
    document: {
      indexNo: "11150300MB0000000X/2024-00001", topic: "综合政务", issuingOrg: "市人民政府", writtenAt: new Date("2024-02-28T00:00:00Z"),
      docNo: "乌府发〔2024〕1号", validity: "VALID", validityDate: null, replacedById: null, validUntil: new Date("2026-12-31T00:00:00Z"), interpretationKind: null,
    },
    ...extra,
  };
}

function article(extra: Partial<BulkArticle> = {}): BulkArticle {
  const at = new Date("2024-03-01T02:03:04.567Z");
  return {
    columnId, revisions: [{ content: content(), createdAt: at, note: "导入自 测试" }], liveVersion: 1, status: "PUBLISHED", live: true,
    pinned: true, headline: false, publishedAt: at, scheduledAt: null, withdrawnAt: null, withdrawnReason: null, viewCount: 7, createdAt: at, updatedAt: at,
    ...extra,
  };
}

describe("writeArticles", () => {
  it("writes every field and character as given, the live revision, attachments, media uses and the search row", async () => {
    const [id] = await writeArticles(client, [article()], { userId });
    const row = await db().article.findUniqueOrThrow({ where: { id }, include: { liveRevision: true, attachments: true, mediaUses: true, search: true } });
    const c = content();
    expect(row).toMatchObject({
      title: c.title, titleTags: c.titleTags, summary: awkward, bodyHtml: c.bodyHtml, bodyText: awkward, bodyJson: c.bodyJson, coverId: media[0].id,
      docNo: "乌府发〔2024〕1号", writtenAt: new Date("2024-02-28T00:00:00Z"), validUntil: new Date("2026-12-31T00:00:00Z"),
      status: "PUBLISHED", live: true, pinned: true, version: 1, viewCount: 7, publishedAt: new Date("2024-03-01T02:03:04.567Z"),
      createdById: userId, updatedById: userId,
    });
    expect(row.liveRevision).toMatchObject({ version: 1, title: c.title, titleTags: c.titleTags, coverAlt: "封面说明", note: "导入自 测试", attachments: c.attachments, authorId: userId });
    expect(row.attachments.map((a) => [a.mediaId, a.name, a.position])).toEqual([[media[1].id, "实施方案.pdf", 0]]);
    expect(row.mediaUses.map((u) => u.mediaId).sort()).toEqual(media.map((m) => m.id).sort());
    expect(row.search).not.toBeNull();
    const keys = await db().publicMediaKey.findMany({ where: { source: id } });
    expect(keys.map((k) => k.key)).toEqual(expect.arrayContaining(media.map((m) => m.storageKey)));
    const tags = await db().publicTitleTag.findMany({ where: { articleId: id } });
    expect(tags.map((t) => t.tag).sort()).toEqual([...c.titleTags].sort());
  });

  it("keeps an older live version under a newer working copy", async () => {
    const working = content({ title: "修订后的标题", coverId: null, attachments: [], document: null });
    const [id] = await writeArticles(client, [article({ revisions: [article().revisions[0], { content: working, createdAt: new Date(), note: "" }], status: "IN_REVIEW" })], { userId });
    const row = await db().article.findUniqueOrThrow({ where: { id }, include: { liveRevision: true, revisions: { orderBy: { version: "asc" } } } });
    expect(row).toMatchObject({ title: "修订后的标题", version: 2, status: "IN_REVIEW", live: true, coverId: null, docNo: null });
    expect(row.liveRevision?.version).toBe(1);
    expect(row.revisions.map((r) => r.title)).toEqual([content().title, "修订后的标题"]);
  });

  it("commits the caller's rows with the articles, and nothing at all when either fails", async () => {
    const [id] = await writeArticles(client, [article()], {
      userId,
      alsoWrite: (tx, ids) => tx.query(`INSERT INTO "Redirect" (path, "articleId", "oldUrl") VALUES ('/bulk-test', $1, 'x')`, [ids[0]]).then(() => {}),
    });
    expect(await db().redirect.findUnique({ where: { path: "/bulk-test" } })).toMatchObject({ articleId: id });

    const before = [await db().article.count(), await db().articleRevision.count(), await db().attachment.count(), await db().mediaUse.count()];
    await expect(writeArticles(client, [article(), article()], { userId, alsoWrite: () => Promise.reject(new Error("the caller failed")) })).rejects.toThrow("the caller failed");
    await expect(writeArticles(client, [article(), article({ columnId: 999_999 })], { userId })).rejects.toThrow(/foreign key/);
    await expect(writeArticles(client, [article({ liveVersion: 2 })], { userId })).rejects.toThrow(/not one of its revisions/);
    expect([await db().article.count(), await db().articleRevision.count(), await db().attachment.count(), await db().mediaUse.count()]).toEqual(before);
    // The connection is usable again, outside any transaction.
    expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });
});
