import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareBody } from "@/lib/articles/body";
import { writeArticles, type BulkArticle } from "@/lib/bulk/articles";
import { poolConfigFromUrl } from "@/lib/db/connection";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { searchIds, type SearchOptions } from "./sql";

/**
 * A search looks at the newest months first, as many as hold the newest 2,000 articles,
 * and widens only when they hold too few matches (migration *_search_spans_by_volume).
 * On a site of thousands of articles a month, a common word is answered from this month
 * alone — and nothing is ever lost: rarer and older words are found by the wider spans,
 * and the pages of one search never repeat an article.
 */
const databaseUrl = setupTestDatabase();
const NOW = new Date("2026-06-20T04:00:00.000Z");
const DAY = 86_400_000;

let client: pg.Client;
const ids = { june: [] as number[], march: [] as number[], old: [] as number[], drafts: [] as number[] };

function article(columnId: number, title: string, text: string, at: Date, live: boolean): BulkArticle {
  const body = prepareBody({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
  return {
    columnId,
    revisions: [{
      content: {
        title, titleTags: [], subtitle: "", author: "", source: "", summary: "", bodyJson: body.bodyJson as object, bodyHtml: body.bodyHtml,
        bodyText: body.bodyText, coverId: null, coverAlt: "", attachments: [], document: null,
      },
      createdAt: at,
      note: "",
    }],
    liveVersion: live ? 1 : null,
    status: live ? "PUBLISHED" : "DRAFT",
    live,
    pinned: false,
    headline: false,
    publishedAt: live ? at : null,
    scheduledAt: null,
    withdrawnAt: null,
    withdrawnReason: null,
    viewCount: 0,
    createdAt: at,
    updatedAt: at,
  };
}

beforeAll(async () => {
  client = new pg.Client(poolConfigFromUrl(databaseUrl()));
  await client.connect();
  const userId = (await createUser("ADMIN")).id;
  const columnId = (await createColumn()).id;
  const write = (articles: BulkArticle[]) => writeArticles(client, articles, { userId });
  // 2,050 this June, 300 in March, 5 in 2019, and 100 drafts written this June.
  ids.june = await write(Array.from({ length: 2050 }, (_, i) => article(columnId, `六月通报${i}`, "常见词出现在近期的文章里。", new Date(Date.UTC(2026, 5, 1) + (i % 18) * DAY + i * 1000), true)));
  ids.march = await write(Array.from({ length: 300 }, (_, i) => article(columnId, `三月通报${i}`, "常见词也在较早的文章里。", new Date(Date.UTC(2026, 2, 2) + (i % 28) * DAY + i * 1000), true)));
  ids.old = await write(Array.from({ length: 5 }, (_, i) => article(columnId, `旧档案${i}`, "罕见旧词只在多年以前。", new Date(Date.UTC(2019, 4, 2 + i)), true)));
  ids.drafts = await write(Array.from({ length: 100 }, (_, i) => article(columnId, `草稿${i}`, "常见词的草稿。", new Date(Date.UTC(2026, 5, 19) + i * 1000), false)));
  await client.query('ANALYZE "Article", "ArticleSearch"');
});

afterAll(() => client.end());

const recentMonths = async (kind: "public" | "admin", n: number) =>
  (await client.query<{ since: Date | null }>(`SELECT gazette_search_recent_months($1, $2::timestamp, $3) AS since`, [kind, NOW.toISOString().slice(0, 23), n])).rows[0].since;

const publicPage = (query: string, page = 1, extra: Partial<SearchOptions> = {}) =>
  searchIds({ query, vector: "public", order: "relevance", offset: (page - 1) * 10, limit: 10, depth: 200, now: NOW, ...extra });

describe("spans sized by what the site publishes", () => {
  it("starts at the month of the n-th newest article of the side searched", async () => {
    const month = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1)).getTime();
    expect((await recentMonths("public", 2000))?.getTime()).toBe(month(2026, 6));
    expect((await recentMonths("public", 2051))?.getTime()).toBe(month(2026, 3));
    expect((await recentMonths("public", 2355))?.getTime()).toBe(month(2019, 5));
    expect(await recentMonths("public", 2356)).toBeNull();
    // The editors' side counts drafts, by when they were written.
    expect((await recentMonths("admin", 2150))?.getTime()).toBe(month(2026, 6));
    expect((await recentMonths("admin", 2151))?.getTime()).toBe(month(2026, 3));
  });

  it("answers a common word from the newest months, and its twenty pages never repeat an article", async () => {
    const pages = await Promise.all(Array.from({ length: 20 }, (_, i) => publicPage("常见词", i + 1)));
    const all = pages.flatMap((p) => p!.ids);
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
    expect(all.every((id) => ids.june.includes(id))).toBe(true);
    expect(pages[0]).toMatchObject({ capped: true });
  });

  it("widens for what the newest months hold too little of, and finds the oldest", async () => {
    const earlier = await Promise.all(Array.from({ length: 20 }, (_, i) => publicPage("较早", i + 1)));
    const found = earlier.flatMap((p) => p!.ids);
    expect(new Set(found).size).toBe(200);
    expect(found.every((id) => ids.march.includes(id))).toBe(true);
    expect(earlier[0]!.total).toBe(300);
    expect((await publicPage("罕见旧词"))!.ids.sort()).toEqual([...ids.old].sort());
  });

  it("keeps a date range and drafts out as before", async () => {
    const march = await publicPage("常见词", 1, { from: new Date(Date.UTC(2026, 2, 1)), to: new Date(Date.UTC(2026, 3, 1)) });
    expect(march!.ids).toHaveLength(10);
    expect(march!.ids.every((id) => ids.march.includes(id))).toBe(true);
    const editors = await searchIds({ query: "草稿", vector: "admin", order: "date", offset: 0, limit: 20, depth: 20, now: NOW });
    expect(editors!.ids.every((id) => ids.drafts.includes(id))).toBe(true);
    expect((await publicPage("草稿"))!.ids.filter((id) => ids.drafts.includes(id))).toEqual([]);
  });
});
