import { beforeAll, describe, expect, it } from "vitest";
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
