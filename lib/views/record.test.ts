import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getPublicArticle } from "@/lib/articles/queries";
import { db } from "@/lib/db/client";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle, type PublicState } from "@/test/public-articles";
import { currentViewCount, recordView } from "./record";

setupTestDatabase();

let columnId: number;
let authorId: number;

beforeAll(async () => {
  columnId = (await createColumn()).id;
  authorId = (await createUser("EDITOR")).id;
});

const viewCountOf = async (id: number) => (await db().article.findUniqueOrThrow({ where: { id } })).viewCount;
/** The article's per-day rows as { "YYYY-MM-DD": views }. */
const dailyViewsOf = async (articleId: number) =>
  Object.fromEntries(
    (await db().articleDailyView.findMany({ where: { articleId }, orderBy: { day: "asc" } })).map((r) => [r.day.toISOString().slice(0, 10), r.views]),
  );

describe("recordView", () => {
  it("loses no increment under 200 concurrent views", async () => {
    const article = await createArticle({ columnId, authorId });
    const before = await viewCountOf(article.id);
    const results = await Promise.all(Array.from({ length: 200 }, () => recordView(article.id)));
    expect(await viewCountOf(article.id)).toBe(before + 200);
    // Every caller got a distinct new count: each increment saw the one before it.
    expect(new Set(results).size).toBe(200);
    expect(Math.max(...(results as number[]))).toBe(before + 200);
  });

  it("returns the new count and leaves updatedAt alone", async () => {
    const article = await createArticle({ columnId, authorId });
    expect(await recordView(article.id)).toBe(1);
    expect(await recordView(article.id)).toBe(2);
    expect(await currentViewCount(article.id)).toBe(2);
    const row = await db().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row.updatedAt).toEqual(article.updatedAt);
  });

  it("counts exactly the articles the public may see (the same rule as publicArticleWhere)", async () => {
    const states: PublicState[] = ["published", "draft", "scheduled", "withdrawn", "future"];
    for (const state of states) {
      const article = await createArticle({ columnId, authorId, state });
      const isPublic = (await getPublicArticle(article.id)) !== null;
      expect(isPublic, state).toBe(state === "published");
      expect(await recordView(article.id), state).toBe(isPublic ? 1 : null);
      expect(await currentViewCount(article.id), state).toBe(isPublic ? 1 : null);
      expect(await viewCountOf(article.id), state).toBe(isPublic ? 1 : 0);
    }
  });

  it("answers null for an unknown id", async () => {
    expect(await recordView(987654321)).toBeNull();
  });
});

describe("recordView per day (阅读统计)", () => {
  /** Published before every clock these tests set: public at each of them. */
  const LAST_NEW_YEAR = new Date("2026-01-01T00:00:00Z");
  afterEach(() => vi.useRealTimers());

  it("adds exactly what it adds to the article's count to the article's row for today, under 200 concurrent views over three articles", async () => {
    const articles = await Promise.all([1, 2, 3].map(() => createArticle({ columnId, authorId, publishedAt: LAST_NEW_YEAR })));
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-06-15T04:00:00Z") });
    const views = Array.from({ length: 200 }, (_, i) => articles[i % 3].id);
    const results = await Promise.all(views.map((id) => recordView(id)));
    expect(results.every((r) => typeof r === "number")).toBe(true);
    const expected = [67, 67, 66];
    for (const [i, article] of articles.entries()) {
      expect(await viewCountOf(article.id)).toBe(expected[i]);
      expect(await dailyViewsOf(article.id)).toEqual({ "2026-06-15": expected[i] });
    }
  });

  it("counts a view at 23:59:59 Beijing time on New Year's Eve in the old year, and one a millisecond after midnight in the new", async () => {
    const article = await createArticle({ columnId, authorId, publishedAt: LAST_NEW_YEAR });
    // 2026-12-31 23:59:59.999 in Beijing is 15:59:59.999 UTC: still the old year there.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-31T15:59:59.999Z") });
    await Promise.all([recordView(article.id), recordView(article.id)]);
    vi.setSystemTime(new Date("2026-12-31T16:00:00.000Z"));
    await recordView(article.id);
    expect(await dailyViewsOf(article.id)).toEqual({ "2026-12-31": 2, "2027-01-01": 1 });
    expect(await viewCountOf(article.id)).toBe(3);
  });

  it("writes no per-day row for an article the public may not see", async () => {
    const draft = await createArticle({ columnId, authorId, state: "draft" });
    expect(await recordView(draft.id)).toBeNull();
    expect(await dailyViewsOf(draft.id)).toEqual({});
  });
});
