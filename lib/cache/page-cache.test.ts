import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { PageCache, type CachedPage } from "./page-cache";

const page = (body: string, over: Partial<CachedPage> = {}): CachedPage => ({
  status: 200,
  headers: { "content-type": "text/html; charset=utf-8" },
  body: Buffer.from(body),
  pattern: "/articles/[id]",
  tags: [],
  ...over,
});

function cacheAt(now: { t: number }, maxBytes = 1024 * 1024) {
  return new PageCache({ maxBytes, ttlMs: 60_000, now: () => now.t });
}

describe("the page cache", () => {
  it("keeps a rendered page under its address, with an ETag of its body, until its time is up", () => {
    const now = { t: 0 };
    const cache = cacheAt(now);
    cache.put("/articles/1", page("<p>一</p>"), cache.ticket());
    const entry = cache.get("/articles/1")!;
    expect(entry.body.toString()).toBe("<p>一</p>");
    expect(entry.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(zlib.gunzipSync(cache.gzipped(entry)).toString()).toBe("<p>一</p>");
    now.t = 60_001;
    expect(cache.get("/articles/1")).toBeUndefined();
  });

  it("drops what a change names — addresses, route patterns, tags — and keeps the rest", () => {
    const cache = cacheAt({ t: 0 });
    const put = (key: string, over: Partial<CachedPage>) => cache.put(key, page(key, over), cache.ticket());
    put("/articles/1", { tags: ["article:1", "column:3"] });
    put("/articles/2", { tags: ["article:2", "column:4"] });
    put("/columns/news/page/2", { pattern: "/columns/[slug]/page/[page]", tags: ["column:3"] });
    put("/columns/other/page/3", { pattern: "/columns/[slug]/page/[page]", tags: ["column:9"] });
    put("/", { pattern: "/", tags: ["articles"] });
    put("/sitemap", { pattern: "/sitemap", tags: ["columns"] });

    cache.drop({ paths: ["/"], tags: ["article:1"] });
    expect(cache.get("/")).toBeUndefined();
    expect(cache.get("/articles/1")).toBeUndefined();
    expect(cache.get("/articles/2")).toBeDefined();
    expect(cache.get("/columns/news/page/2")).toBeDefined();

    // Every later listing page of every column, by the route's pattern.
    cache.drop({ paths: ["/columns/[slug]/page/[page]|page"], tags: [] });
    expect(cache.get("/columns/news/page/2")).toBeUndefined();
    expect(cache.get("/columns/other/page/3")).toBeUndefined();
    expect(cache.get("/articles/2")).toBeDefined();

    // "/|layout": every page.
    cache.drop({ paths: ["/|layout"], tags: [] });
    expect(cache.size).toBe(0);
  });

  it("does not keep a page whose render began before a change: the change wins", () => {
    const cache = cacheAt({ t: 0 });
    const ticket = cache.ticket();
    cache.drop({ paths: ["/articles/1"], tags: [] });
    const entry = cache.put("/articles/1", page("old"), ticket);
    expect(entry.body.toString()).toBe("old"); // still sent to the reader who asked
    expect(cache.get("/articles/1")).toBeUndefined();
  });

  it("pushes out the least recently used pages to stay within its memory", () => {
    const cache = cacheAt({ t: 0 }, 3 * (1000 + 512));
    for (const id of [1, 2, 3]) cache.put(`/articles/${id}`, page("x".repeat(1000)), cache.ticket());
    cache.get("/articles/1");
    cache.put("/articles/4", page("x".repeat(1000)), cache.ticket());
    expect(cache.get("/articles/2")).toBeUndefined();
    for (const id of [1, 3, 4]) expect(cache.get(`/articles/${id}`), String(id)).toBeDefined();
  });

  it("shares one read of the site frame between callers until a change names its tags; a failed read is not kept", async () => {
    const cache = cacheAt({ t: 0 });
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cache.remember("frame", ["settings", "columns"], load), cache.remember("frame", ["settings", "columns"], load)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    cache.drop({ paths: [], tags: ["article:1"] });
    expect(await cache.remember("frame", ["settings", "columns"], load)).toBe(1);
    cache.drop({ paths: [], tags: ["settings"] });
    expect(await cache.remember("frame", ["settings", "columns"], load)).toBe(2);

    await expect(cache.remember("broken", [], () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await cache.remember("broken", [], async () => "back")).toBe("back");
  });

  it("does not keep a read that a change overtook", async () => {
    const cache = cacheAt({ t: 0 });
    let release!: (value: string) => void;
    const slow = cache.remember("frame", ["settings"], () => new Promise<string>((resolve) => (release = resolve)));
    cache.drop({ paths: [], tags: ["columns"] }); // not its tag, but any change may have been read half-way
    release("old");
    expect(await slow).toBe("old");
    expect(await cache.remember("frame", ["settings"], async () => "new")).toBe("new");
  });
});
