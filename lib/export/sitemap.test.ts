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

  it("split into parts by id, each article once and newest first in its part; a part past the last does not exist", async () => {
    const size = 2;
    const last = Math.ceil(Math.max(...published) / size);
    const parts = (await Promise.all(Array.from({ length: last }, (_, i) => renderPart(i + 1, size)))).map((xml) => locs(xml!));
    expect(parts.flat().sort()).toEqual(published.map((id) => `/articles/${id}`).sort());
    parts.forEach((part, i) => {
      const ids = part.map((loc) => Number(loc.split("/").at(-1)));
      expect(ids.every((id) => id > i * size && id <= (i + 1) * size)).toBe(true);
      expect(ids).toEqual(published.filter((id) => ids.includes(id))); // newest first, as in the whole file
    });
    expect(await renderPart(1, size)).toContain("/columns/");
    expect(await renderPart(last, size)).not.toContain("/columns/");
    expect(await renderPart(last + 1, size)).toBeNull();
  });

  it("leave every part's articles where they were when another is published", async () => {
    const size = 2;
    const last = Math.ceil(Math.max(...published) / size);
    const read = () => Promise.all(Array.from({ length: last }, async (_, i) => locs((await renderPart(i + 1, size))!)));
    const before = await read();
    const columnId = (await createColumn()).id;
    const authorId = (await createUser("EDITOR")).id;
    const added = (await createArticle({ columnId, authorId, publishedAt: new Date(Date.UTC(2024, 0, 1)) })).id;
    expect(await read()).toEqual(before);
    expect(locs((await renderPart(Math.ceil(added / size), size))!)).toContain(`/articles/${added}`);
  });
});
