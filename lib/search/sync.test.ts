import { describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db/client";
import { poolConfigFromUrl } from "@/lib/db/connection";
import { setupTestDatabase } from "@/test/db";
import { adminSearchArticleIds, adminSearchArticles } from "./admin";
import { deferSearchIndexing, indexArticles } from "./bulk-index";
import { parseSearchParams } from "./params";
import { searchPublicArticles } from "./public";
import { createArticle, editWorkingCopy, ensureColumn, publishWorkingCopy, withdraw } from "./test-fixtures";

setupTestDatabase();

const publicIds = async (q: string) => (await searchPublicArticles(parseSearchParams({ q }))).hits.map((h) => h.id);

/** The search row's version: it changes whenever the row is rewritten. */
async function rowVersion(id: number): Promise<string> {
  const rows = await db().$queryRaw<{ v: string }[]>`SELECT xmin::text AS v FROM "ArticleSearch" WHERE "articleId" = ${id}`;
  return rows[0]?.v ?? "missing";
}

describe("the index follows every write, by itself", () => {
  it("keeps an edit under review out of the public index until it is published", async () => {
    const { id } = await createArticle({ title: "草原防火工作部署", body: "进入草原防火期。" });
    expect(await publicIds("草原防火")).toEqual([id]);

    await editWorkingCopy(id, "森林草原防火工作部署", "进入森林草原防火期，严禁野外用火。");
    expect(await publicIds("严禁野外用火")).toEqual([]); // the public still sees the live revision
    expect(await publicIds("草原防火期")).toEqual([id]);
    expect(await adminSearchArticleIds("严禁野外用火")).toEqual([id]); // editors see the working copy

    await publishWorkingCopy(id);
    expect(await publicIds("严禁野外用火")).toEqual([id]);
  });

  it("drops a withdrawn article from the public index at once, not from the admin one", async () => {
    const { id } = await createArticle({ title: "供暖收费标准公示", body: "供暖收费标准如下。" });
    expect(await publicIds("供暖收费")).toEqual([id]);
    await withdraw(id);
    expect(await publicIds("供暖收费")).toEqual([]);
    expect(await adminSearchArticleIds("供暖收费")).toEqual([id]);
  });

  it("follows a move to another column and a new publication date", async () => {
    const { id } = await createArticle({ title: "秸秆禁烧专项督查", body: "督查秸秆禁烧。" });
    const columnId = await ensureColumn("search-moved", "迁入栏目");
    await db().article.update({ where: { id }, data: { columnId } });
    expect((await searchPublicArticles(parseSearchParams({ q: "秸秆禁烧", column: "search-moved" }))).hits.map((h) => h.id)).toEqual([id]);

    await db().article.update({ where: { id }, data: { publishedAt: new Date("2021-03-15T02:00:00Z") } });
    const march2021 = await searchPublicArticles(parseSearchParams({ q: "秸秆禁烧", from: "2021-03-01", to: "2021-03-31" }));
    expect(march2021.hits.map((h) => h.id)).toEqual([id]);
  });

  it("does not rewrite the index when only the view count changes", async () => {
    const { id } = await createArticle({ title: "浏览次数测试", body: "正文" });
    const before = await rowVersion(id);
    await db().$executeRaw`UPDATE "Article" SET "viewCount" = "viewCount" + 1 WHERE id = ${id}`;
    await db().article.update({ where: { id }, data: { pinned: true } });
    expect(await rowVersion(id)).toBe(before);
  });

  it("removes the row with the article", async () => {
    const { id } = await createArticle({ title: "删除测试", body: "正文" });
    await db().articleRevision.deleteMany({ where: { articleId: id } });
    await db().article.delete({ where: { id } });
    expect(await rowVersion(id)).toBe("missing");
  });

  it("indexes rows written in bulk with plain SQL, as the generator does", async () => {
    const { id } = await createArticle({ title: "批量写入模板", body: "正文" });
    await db().$executeRaw`
      INSERT INTO "Article" (title, "columnId", "bodyJson", "bodyHtml", "bodyText", "createdById", "updatedById", "updatedAt")
      SELECT '批量写入第' || n || '篇', a."columnId", a."bodyJson", a."bodyHtml", '批量正文', a."createdById", a."createdById", now()
      FROM "Article" a, generate_series(1, 3) AS n WHERE a.id = ${id}`;
    expect(await adminSearchArticles("批量写入第")).toMatchObject({ total: 3 });
  });
});

describe("bulk writes", () => {
  it("index in one call what the transaction wrote with the triggers deferred, and only that transaction defers", async () => {
    const { id } = await createArticle({ title: "延迟索引模板", body: "正文" });
    const client = new pg.Client(poolConfigFromUrl(process.env.DATABASE_URL!));
    await client.connect();
    try {
      const copy = (title: string) =>
        client.query<{ id: number }>(
          `INSERT INTO "Article" (title, "columnId", "bodyJson", "bodyHtml", "bodyText", "createdById", "updatedById", "updatedAt")
           SELECT $2, "columnId", "bodyJson", "bodyHtml", '延迟正文', "createdById", "createdById", now() FROM "Article" WHERE id = $1 RETURNING id`,
          [id, title],
        );
      await client.query("BEGIN");
      await deferSearchIndexing(client);
      const deferred = (await copy("延迟索引第一篇")).rows[0].id;
      const rowsBefore = await client.query('SELECT 1 FROM "ArticleSearch" WHERE "articleId" = $1', [deferred]);
      expect(rowsBefore.rowCount).toBe(0); // the trigger left it alone
      await indexArticles(client, [deferred]);
      await client.query("COMMIT");
      expect(await adminSearchArticleIds("延迟索引第一篇")).toEqual([deferred]);

      const later = (await copy("延迟索引第二篇")).rows[0].id; // a new transaction: the trigger is back
      expect(await adminSearchArticleIds("延迟索引第二篇")).toEqual([later]);
    } finally {
      await client.end();
    }
  });
});

describe("admin search", () => {
  it("finds every status, filters by status and column, and says when nothing is searchable", async () => {
    const draft = await createArticle({ title: "养老服务补贴草稿", body: "草稿正文", state: "draft" });
    const live = await createArticle({ title: "养老服务补贴发放", body: "正文", columnSlug: "search-elderly" });
    expect(new Set(await adminSearchArticleIds("养老服务"))).toEqual(new Set([draft.id, live.id]));
    expect(await adminSearchArticleIds("养老服务", { statuses: ["DRAFT"] })).toEqual([draft.id]);
    expect(await adminSearchArticleIds("养老服务", { columnIds: [live.columnId] })).toEqual([live.id]);
    expect(await adminSearchArticleIds("养老服务", { columnIds: [] })).toEqual([]);
    expect(await adminSearchArticleIds("“”！？")).toBeNull();
  });
});
