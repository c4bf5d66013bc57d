import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { adminSearchArticleIds } from "./admin";
import { parseSearchParams } from "./params";
import { searchPublicArticles } from "./public";
import { createArticle } from "./test-fixtures";

setupTestDatabase();

describe("the editors' search finds the start of a Latin word or number", () => {
  it("finds mxckl5a9 by mxckl5a, and a document number by its first digits; the public search keeps whole words", async () => {
    const { id } = await createArticle({ title: "编号 mxckl5a9 的测试稿件", body: "附件编号 2026045 号。" });
    expect(await adminSearchArticleIds("mxckl5a")).toEqual([id]);
    expect(await adminSearchArticleIds("mxckl5a9")).toEqual([id]);
    expect(await adminSearchArticleIds("20260")).toEqual([id]);
    expect(await adminSearchArticleIds("mxckl5a 测试稿件")).toEqual([id]);
    expect(await adminSearchArticleIds("xckl5a")).toEqual([]); // a start, not any part
    expect((await searchPublicArticles(parseSearchParams({ q: "mxckl5a" }))).hits.map((h) => h.id)).toEqual([]);
    expect((await searchPublicArticles(parseSearchParams({ q: "mxckl5a9" }))).hits.map((h) => h.id)).toEqual([id]);
  });
});
