import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeArticles } from "@/lib/bulk/articles";
import { reindexArticles } from "@/lib/bulk/reindex";
import { poolConfigFromUrl } from "@/lib/db/connection";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { toBulkArticle } from "./bulk";
import { composeArticle, type SyntheticColumn } from "./compose";
import { generateArticles } from "./generate";
import { insertBatch } from "./insert";

/**
 * The bulk writer must leave exactly the rows the older INSERT path (and its search
 * triggers) left for the same synthetic articles: articles, revisions, the live
 * revision, working copies, title tags and the search index.
 */
const databaseUrl = setupTestDatabase();

let client: pg.Client;
let userId: number;
let columns: SyntheticColumn[];
const now = new Date("2026-06-01T04:00:00.000Z");

beforeAll(async () => {
  client = new pg.Client(poolConfigFromUrl(databaseUrl()));
  await client.connect();
  userId = (await createUser("ADMIN")).id;
  // Slugs that pick each title kind (news, notices, policies).
  columns = [];
  for (const slug of ["news", "tongzhi-gonggao", "policy"]) {
    const column = await createColumn();
    columns.push({ id: (await client.query<{ id: number }>(`UPDATE "Column" SET slug = $1 || id WHERE id = $2 RETURNING id`, [slug, column.id])).rows[0].id, slug });
  }
});

afterAll(() => client.end());

/** Everything the two paths write for an article, with the ids that differ between them left out. */
async function rowsOf(ids: number[]) {
  const articles = await client.query(
    `SELECT to_jsonb(a) - 'id' - 'liveRevisionId' AS row, lr.version AS live_version
     FROM "Article" a LEFT JOIN "ArticleRevision" lr ON lr.id = a."liveRevisionId"
     WHERE a.id = ANY($1) ORDER BY a.id`,
    [ids],
  );
  const revisions = await client.query(
    `SELECT array_agg(to_jsonb(r) - 'id' - 'articleId' ORDER BY r.version) AS rows FROM "ArticleRevision" r
     WHERE r."articleId" = ANY($1) GROUP BY r."articleId" ORDER BY r."articleId"`,
    [ids],
  );
  const tags = await client.query(`SELECT "articleId", array_agg(tag ORDER BY tag) AS tags FROM "PublicTitleTag" WHERE "articleId" = ANY($1) GROUP BY 1 ORDER BY 1`, [ids]);
  const search = await client.query(`SELECT to_jsonb(s) - 'articleId' AS row FROM "ArticleSearch" s WHERE s."articleId" = ANY($1) ORDER BY s."articleId"`, [ids]);
  const media = await client.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM "MediaUse" WHERE "articleId" = ANY($1))::int + (SELECT count(*) FROM "PublicMediaKey" WHERE source = ANY($1))::int AS n`,
    [ids],
  );
  return {
    articles: articles.rows,
    revisions: revisions.rows.map((r) => r.rows),
    tags: tags.rows.map((t) => t.tags),
    tagged: tags.rows.length,
    search: search.rows.map((s) => s.row),
    media: media.rows[0].n,
  };
}

describe("the synthetic generator's bulk path", () => {
  it("writes exactly what the INSERT path wrote for the same seed", async () => {
    const composed = Array.from({ length: 240 }, (_, i) => composeArticle(11, i, columns, now));
    // Every state the workflow can leave an article in is among them.
    expect(new Set(composed.map((a) => a.state))).toEqual(new Set(["published", "edited", "draft", "inReview", "scheduled", "withdrawn"]));
    expect(composed.some((a) => a.titleTags.length)).toBe(true);

    const before = (await client.query<{ id: number }>('SELECT coalesce(max(id), 0) AS id FROM "Article"')).rows[0].id;
    await insertBatch(client, composed, userId);
    const insertedIds = (await client.query<{ id: number }>('SELECT id FROM "Article" WHERE id > $1 ORDER BY id', [before])).rows.map((r) => r.id);
    const bulkIds = await writeArticles(client, composed.map(toBulkArticle), { userId });

    expect(insertedIds).toHaveLength(240);
    expect(bulkIds).toHaveLength(240);
    const inserted = await rowsOf(insertedIds);
    const bulk = await rowsOf(bulkIds);
    expect(bulk.articles).toEqual(inserted.articles);
    expect(bulk.revisions).toEqual(inserted.revisions);
    expect(bulk.tags).toEqual(inserted.tags);
    expect(bulk.tagged).toBeGreaterThan(0);
    expect(bulk.search).toEqual(inserted.search);
    expect(bulk.search).toHaveLength(240);
    expect(bulk.media).toBe(0);
    // Edited articles: revision 1 live, revision 2 the working copy under review.
    const edited = bulk.articles.filter((a) => a.row.version === 2);
    expect(edited.length).toBeGreaterThan(0);
    expect(edited.every((a) => a.live_version === 1 && a.row.status === "IN_REVIEW" && a.row.live)).toBe(true);
  });

  it("continues the article numbers after the existing ones, in batches over two connections", async () => {
    const count = async () => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Article"')).rows[0].n;
    const existing = await count();
    const progress: number[] = [];
    const result = await generateArticles({
      databaseUrl: databaseUrl(), articles: 45, seed: 3, workers: 2, batchSize: 10, userId, path: "copy", searchIndex: true, log: () => {}, onProgress: (done) => progress.push(done),
    });
    expect(result.created).toBe(45);
    expect(await count()).toBe(existing + 45);
    expect(progress.at(-1)).toBe(45);
    expect(progress).toHaveLength(5);
    // The first new article is article number `existing` of seed 3, whichever connection wrote it.
    const all = (await client.query<SyntheticColumn>('SELECT id, slug FROM "Column" WHERE NOT hidden ORDER BY id')).rows;
    const titles = (await client.query<{ title: string }>('SELECT title FROM "ArticleRevision" WHERE version = 1 ORDER BY id DESC LIMIT 45')).rows.map((r) => r.title);
    expect(titles).toContain(composeArticle(3, existing, all, new Date()).live.title);
    expect(titles).toContain(composeArticle(3, existing + 44, all, new Date()).live.title);
  });

  it("dates a run's articles in the order it writes them, over the whole span, as a site's ids grow with time", async () => {
    const before = (await client.query<{ id: number }>('SELECT coalesce(max(id), 0) AS id FROM "Article"')).rows[0].id;
    await generateArticles({ databaseUrl: databaseUrl(), articles: 60, seed: 5, workers: 2, batchSize: 10, userId, path: "copy", searchIndex: true, log: () => {} });
    const rows = (await client.query<{ id: number; created: Date }>(
      'SELECT id, "createdAt" AS created FROM "Article" WHERE id > $1 ORDER BY id', [before])).rows;
    expect(rows).toHaveLength(60);
    // Two connections write batches side by side: ids follow the dates batch by batch.
    const batchesByDate = [...rows].sort((a, b) => a.created.getTime() - b.created.getTime()).map((r) => Math.floor((r.id - rows[0].id) / 10));
    const inversions = batchesByDate.filter((batch, i) => i > 0 && batch < batchesByDate[i - 1]).length;
    expect(inversions).toBeLessThanOrEqual(6);
    const years = (rows.at(-1)!.created.getTime() - rows[0].created.getTime()) / (365 * 86_400_000);
    expect(years).toBeGreaterThan(6);
    // Without a place in a run, an article is dated anywhere in the span, as before.
    const loose = Array.from({ length: 20 }, (_, i) => composeArticle(5, i, columns, now).createdAt.getTime());
    expect(loose.some((t, i) => i > 0 && t < loose[i - 1])).toBe(true);
  });

  it("leaves the articles out of the search index with searchIndex off, and --reindex puts them all in", async () => {
    const unindexed = async () => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Article" a WHERE NOT EXISTS (SELECT FROM "ArticleSearch" s WHERE s."articleId" = a.id)')).rows[0].n;
    expect(await unindexed()).toBe(0);
    await generateArticles({ databaseUrl: databaseUrl(), articles: 30, seed: 4, workers: 2, batchSize: 8, userId, path: "copy", searchIndex: false, log: () => {} });
    expect(await unindexed()).toBe(30);
    const total = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Article"')).rows[0].n;
    const result = await reindexArticles({ databaseUrl: databaseUrl(), workers: 2, batchSize: 50 });
    expect(result.articles).toBe(total);
    expect(await unindexed()).toBe(0);
  });
});
