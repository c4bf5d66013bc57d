import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { pathToRegexp } from "next/dist/compiled/path-to-regexp";
import { PUBLIC_PAGE_SOURCES } from "@/lib/security/headers.mjs";
import { internalToken } from "@/lib/internal/token";
import { PageCache, invalidatePageCache, installPageCache, isReadingPage } from "./page-cache";

vi.stubEnv("NEXTAUTH_SECRET", "page-cache-test-secret");

/**
 * The app server's in-memory copies of reading pages, in front of a stand-in for
 * Next.js that answers the way Next.js does (x-nextjs-cache, Cache-Control, ETag) and
 * counts what reaches it.
 */
interface Upstream {
  status?: number;
  cache?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Resolved before the answer is sent, to hold a response on its way. */
  hold?: Promise<void>;
}

let now = 0;
let upstream: (req: http.IncomingMessage) => Upstream;
let reached: { url: string; acceptEncoding?: string }[] = [];
let cache: PageCache;
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (cache.serve(req, res)) return;
    cache.record(req, res);
    reached.push({ url: req.url!, acceptEncoding: req.headers["accept-encoding"] });
    const answer = upstream(req);
    void (answer.hold ?? Promise.resolve()).then(() => {
      res.statusCode = answer.status ?? 200;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-security-policy", "script-src 'self'");
      res.setHeader("cache-control", "s-maxage=600, stale-while-revalidate=31535400");
      if (answer.cache !== "") res.setHeader("x-nextjs-cache", answer.cache ?? "HIT");
      for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
      const body = answer.body ?? `<p>${req.url}</p>`;
      // Written in pieces, as Next.js streams a page.
      res.write(body.slice(0, 3));
      res.write(Buffer.from(body.slice(3)));
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  now = 1_000_000;
  reached = [];
  upstream = () => ({});
  cache = new PageCache({ maxBytes: 1024 * 1024, ttlMs: 60_000, now: () => now });
});

function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("PageCache", () => {
  it("answers a reading page from memory after Next.js served it once, with the same body and headers", async () => {
    const first = await get("/articles/1");
    const second = await get("/articles/1");
    expect(reached.map((r) => r.url)).toEqual(["/articles/1"]);
    expect(second.status).toBe(200);
    expect(second.body.toString()).toBe("<p>/articles/1</p>");
    expect(second.body.toString()).toBe(first.body.toString());
    expect(second.headers["content-security-policy"]).toBe("script-src 'self'");
    expect(second.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(second.headers["content-length"]).toBe(String(second.body.length));
    expect(second.headers.vary).toMatch(/Accept-Encoding/);
    expect(cache.size).toBe(1);
  });

  it("keeps the copy uncompressed and compresses it for a reader who accepts gzip", async () => {
    await get("/", { "accept-encoding": "gzip, br" });
    expect(reached[0].acceptEncoding).toBeUndefined();
    const gzipped = await get("/", { "accept-encoding": "gzip, deflate" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe("<p>/</p>");
    const plain = await get("/", { "accept-encoding": "gzip;q=0" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe("<p>/</p>");
    expect(reached).toHaveLength(1);
  });

  it("answers HEAD and a matching If-None-Match without a body", async () => {
    upstream = () => ({ headers: { etag: '"v1"' } });
    await get("/feed.xml");
    const head = await get("/feed.xml", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const notModified = await get("/feed.xml", { "if-none-match": 'W/"v0", "v1"' });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(reached).toHaveLength(1);
  });

  it("forgets everything on invalidate(), through the instance's global too", async () => {
    let version = 1;
    upstream = () => ({ body: `v${version}` });
    await get("/columns/news");
    version = 2;
    expect((await get("/columns/news")).body.toString()).toBe("v1");
    installPageCache(cache);
    invalidatePageCache();
    expect(cache.size).toBe(0);
    expect((await get("/columns/news")).body.toString()).toBe("v2");
    expect(reached).toHaveLength(2);
  });

  it("does not keep a response that was on its way when the pages were invalidated", async () => {
    let release!: () => void;
    upstream = () => ({ body: "old", hold: new Promise<void>((resolve) => (release = resolve)) });
    const pending = get("/articles/7");
    await new Promise((resolve) => setTimeout(resolve, 20));
    cache.invalidate();
    release();
    expect((await pending).body.toString()).toBe("old");
    upstream = () => ({ body: "new" });
    expect((await get("/articles/7")).body.toString()).toBe("new");
    expect((await get("/articles/7")).body.toString()).toBe("new");
    expect(reached).toHaveLength(2);
  });

  it("keeps a withdrawn article's 410 notice, but never a 404 or what Next.js did not take from its cache", async () => {
    const answers: Record<string, Upstream> = {
      "/articles/2": { status: 410 },
      "/articles/3": { status: 404 },
      "/articles/4": { cache: "" }, // rendered per request: not a cached page
      "/articles/5": { cache: "STALE" },
      "/articles/6": { headers: { "set-cookie": "a=b" } },
      "/articles/8": { headers: { "cache-control": "private, no-store" } },
    };
    upstream = (req) => answers[req.url!];
    for (const id of [2, 3, 4, 5, 6, 8]) {
      await get(`/articles/${id}`);
      await get(`/articles/${id}`);
    }
    expect((await get("/articles/2")).status).toBe(410);
    expect(reached.map((r) => r.url)).toEqual(["/articles/2", ...[3, 4, 5, 6, 8].flatMap((id) => [`/articles/${id}`, `/articles/${id}`])]);
  });

  it("leaves to Next.js what is not a reading page as every reader gets it", async () => {
    const cases: [string, Record<string, string>, string?][] = [
      ["/search?q=a", {}],
      ["/articles/1?from=wechat", {}],
      ["/admin", {}],
      ["/articles/1", { rsc: "1" }],
      ["/articles/1", { "next-router-prefetch": "1" }],
      ["/articles/1", { "x-gazette-snapshot": internalToken() }],
      ["/articles/1", {}, "POST"],
    ];
    for (const [path, headers, method] of cases) {
      await get(path, headers, method);
      await get(path, headers, method);
    }
    expect(reached).toHaveLength(cases.length * 2);
    expect(cache.size).toBe(0);
  });

  it("serves its copy to a client that only claims to be the static publisher", async () => {
    for (const claim of ["1", "true", internalToken().slice(1), `${internalToken()}x`]) {
      await get("/articles/9", { "x-gazette-snapshot": claim });
      await get("/articles/9", { "x-gazette-snapshot": claim });
    }
    expect(reached).toHaveLength(1);
    // The publisher itself (loopback, with the token) still gets the real thing.
    await get("/articles/9", { "x-gazette-snapshot": internalToken() });
    expect(reached).toHaveLength(2);
  });

  it("keeps a page served over HTTPS apart, since it carries HSTS", async () => {
    upstream = (req): Upstream => (req.headers["x-forwarded-proto"] === "https" ? { headers: { "strict-transport-security": "max-age=1" } } : {});
    await get("/");
    await get("/", { "x-forwarded-proto": "https" });
    expect((await get("/")).headers["strict-transport-security"]).toBeUndefined();
    expect((await get("/", { "x-forwarded-proto": "https" })).headers["strict-transport-security"]).toBe("max-age=1");
    expect(reached).toHaveLength(2);
  });

  it("lets a copy live no longer than its TTL or the page's s-maxage", async () => {
    await get("/sitemap");
    now += 59_000;
    await get("/sitemap");
    now += 2_000;
    await get("/sitemap");
    expect(reached).toHaveLength(2);
    upstream = () => ({ headers: { "cache-control": "s-maxage=5" } });
    await get("/sitemap.xml");
    now += 6_000;
    await get("/sitemap.xml");
    expect(reached).toHaveLength(4);
  });

  it("drops the least recently used pages past its size", async () => {
    cache = new PageCache({ maxBytes: 3 * (2000 + 512), ttlMs: 60_000, now: () => now });
    upstream = () => ({ body: "x".repeat(2000) });
    for (const id of [1, 2, 3]) await get(`/articles/${id}`);
    await get("/articles/1"); // now the most recently used
    await get("/articles/4"); // pushes out /articles/2
    expect(cache.size).toBe(3);
    reached = [];
    for (const id of [1, 3, 4, 2]) await get(`/articles/${id}`);
    expect(reached.map((r) => r.url)).toEqual(["/articles/2"]);
  });
});

describe("isReadingPage", () => {
  it("is true exactly for the reading pages next.config.js gives the public headers", () => {
    const pages = ["/", "/articles/1", "/articles/123456789", "/columns/news", "/columns/news/page/2", "/columns/news/feed.xml", "/sitemap", "/sitemap.xml", "/sitemaps/3.xml", "/feed.xml"];
    const others = ["/site.js", "/columns/news/../../admin", "/columns/News", "/columns//news", "/sitemaps/x.xml", "/admin", "/search", "/api/views", "/articles/01", "/articles/abc", "/articles/1/download", "/media/a.webp", "/sitemapx", "/no-such-page"];
    const hasPageHeaders = (path: string) => PUBLIC_PAGE_SOURCES.some((source) => pathToRegexp(source).test(path));
    for (const path of pages) expect([isReadingPage(path), hasPageHeaders(path)], path).toEqual([true, true]);
    for (const path of others) expect(isReadingPage(path), path).toBe(false);
    expect(hasPageHeaders("/site.js")).toBe(true);
  });
});
