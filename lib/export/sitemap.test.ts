import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { renderPart, renderSitemapRoot } from "./sitemap";

setupTestDatabase();

let published: number[] = [];
let draft: number;

beforeAll(async () => {
  const columnId = (await createColumn()).id;
  const authorId = (await createUser("EDITOR")).id;
  for (let i = 1; i <= 5; i++) published.push((await createArticle({ columnId, authorId, publishedAt: new Date(Date.UTC(2023, 0, i)) })).id);
  published = published.reverse();
  draft = (await createArticle({ columnId, authorId, state: "draft" })).id;
});

const locs = (xml: string) => [...xml.matchAll(/<loc>[^<]*?(\/articles\/\d+)<\/loc>/g)].map((m) => m[1]);

describe("sitemaps", () => {
  it("list the home page, columns and every published article, newest first, nothing else", async () => {
    const xml = await renderSitemapRoot();
    expect(xml).toContain("<urlset");
    expect(xml).toMatch(/<loc>[^<]*\/<\/loc>/);
    expect(xml).toMatch(/<loc>[^<]*\/columns\/col-[0-9a-f]+<\/loc>/);
    expect(locs(xml)).toEqual(published.map((id) => `/articles/${id}`));
    expect(xml).not.toContain(`/articles/${draft}<`);
    expect(xml).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T/);
  });

  it("split into parts without overlap; a part past the end does not exist", async () => {
    const one = await renderPart(1, 2);
    const two = await renderPart(2, 2);
    const three = await renderPart(3, 2);
    expect([...locs(one!), ...locs(two!), ...locs(three!)]).toEqual(published.map((id) => `/articles/${id}`));
    expect(two).not.toContain("/columns/");
    expect(await renderPart(4, 2)).toBeNull();
  });
});
