import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getPublicArticle } from "@/lib/articles/queries";
import { db, Prisma } from "@/lib/db/client";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { sqlRows, statementName } from "./sql";

/** node-postgres reads (lib/db/sql.ts) give back what Prisma does, whatever the server's time zone. */
setupTestDatabase();

let columnId: number;
let authorId: number;
const zone = process.env.TZ;

beforeAll(async () => {
  columnId = (await createColumn()).id;
  authorId = (await createUser("EDITOR")).id;
});

afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("sqlRows", () => {
  it("reads timestamps and dates as the instants Prisma stored, in a server set to Beijing time", async () => {
    process.env.TZ = "Asia/Shanghai";
    const publishedAt = new Date("2023-05-06T01:02:03.456Z");
    const article = await createArticle({ columnId, authorId, publishedAt });
    await db().articleRevision.update({ where: { id: (await db().article.findUniqueOrThrow({ where: { id: article.id } })).liveRevisionId! }, data: { writtenAt: new Date("2023-05-04T00:00:00Z") } });
    const [row] = await sqlRows<{ publishedAt: Date; writtenAt: Date }>(Prisma.sql`
      SELECT a."publishedAt", r."writtenAt" FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId" WHERE a.id = ${article.id}`);
    expect(row.publishedAt.toISOString()).toBe("2023-05-06T01:02:03.456Z");
    expect(row.writtenAt.toISOString()).toBe("2023-05-04T00:00:00.000Z");
  });

  it("prepares each statement by name on its connection and reuses it with other values", async () => {
    const query = (n: number) => Prisma.sql`SELECT ${n}::int * 2 AS doubled, name FROM pg_prepared_statements WHERE statement LIKE '%doubled%'`;
    // More calls than the pool has connections, and than PostgreSQL's five custom plans.
    const rows = await Promise.all(Array.from({ length: 20 }, (_, n) => sqlRows<{ doubled: number; name: string }>(query(n))));
    expect(rows.map((r) => r[0].doubled)).toEqual(Array.from({ length: 20 }, (_, n) => n * 2));
    const name = statementName(query(0).text);
    expect(name).toMatch(/^gazette_read_[0-9a-f]{24}$/);
    // The connection that answered had the statement prepared under that name.
    for (const r of rows) expect(r.map((row) => row.name)).toEqual([name]);
  });

  it("names one text one statement, and none when turned off for a transaction-mode pooler", () => {
    expect(statementName("SELECT 1 AS a")).toBe(statementName("SELECT 1 AS a"));
    expect(statementName("SELECT 2 AS a")).not.toBe(statementName("SELECT 1 AS a"));
    process.env.DB_PREPARED_STATEMENTS = "false";
    try {
      expect(statementName("SELECT 1 AS a")).toBeUndefined();
    } finally {
      delete process.env.DB_PREPARED_STATEMENTS;
    }
  });

  it("passes values as parameters, never as SQL", async () => {
    const [row] = await sqlRows<{ value: string }>(Prisma.sql`SELECT ${"'; DROP TABLE \"Article\"; --"}::text AS value`);
    expect(row.value).toBe(`'; DROP TABLE "Article"; --`);
    expect(await db().article.count()).toBeGreaterThan(0);
  });
});

describe("getPublicArticle", () => {
  it("is the live revision, with the corrections in order, as Prisma reads them", async () => {
    const article = await createArticle({ columnId, authorId, titleTags: ["媒体解读"] });
    await db().correction.createMany({
      data: [
        { articleId: article.id, note: "第二条", createdAt: new Date("2024-02-02T10:00:00.123Z") },
        { articleId: article.id, note: "第一条", createdAt: new Date("2024-01-01T10:00:00Z") },
      ],
    });
    const expected = await db().article.findUniqueOrThrow({ where: { id: article.id }, include: { liveRevision: { omit: { bodyText: true } } } });
    const loaded = await getPublicArticle(article.id);
    const { title, titleTags, subtitle, author, source, summary, bodyJson, bodyHtml, attachments, createdAt, indexNo, topic, issuingOrg, writtenAt, docNo } = expected.liveRevision!;
    const { validity, validityDate, replacedById, validUntil } = expected.liveRevision!;
    expect(loaded).toEqual({
      id: article.id,
      columnId,
      publishedAt: expected.publishedAt,
      viewCount: 0,
      live: { title, titleTags, subtitle, author, source, summary, bodyJson, bodyHtml, attachments, createdAt, indexNo, topic, issuingOrg, writtenAt, docNo, validity, validityDate, replacedById, validUntil },
      // A document's replacement, and whether its column makes it a document (lib/documents).
      replacementTitle: null,
      reportCategory: null,
      corrections: [
        { note: "第一条", createdAt: new Date("2024-01-01T10:00:00Z") },
        { note: "第二条", createdAt: new Date("2024-02-02T10:00:00.123Z") },
      ],
    });
    expect(titleTags).toEqual(["媒体解读"]);
  });
});
