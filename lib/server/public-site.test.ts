import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PageCache } from "@/lib/cache/page-cache";
import { TAGS } from "@/lib/cache/tags";
import { db } from "@/lib/db/client";
import { publicSitePolicy } from "@/lib/security/csp-core.mjs";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { createPublicSite, type PublicSiteOptions } from "./public-site";
import { RenderGate } from "./render-gate";

/**
 * The public site as the app server answers it: the real renderer on a real database,
 * behind a real HTTP server whose other requests stand for Next.js.
 */
setupTestDatabase();

const assetsDir = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-assets-"));
fs.writeFileSync(path.join(assetsDir, "site.js"), "console.log(1)");

let cache: PageCache;
let options: PublicSiteOptions;
let server: http.Server;
let base: string;
let articleId: number;
let withdrawnId: number;
let columnId: number;
let columnSlug: string;

beforeAll(async () => {
  const author = await createUser("EDITOR");
  const column = await createColumn();
  columnId = column.id;
  columnSlug = column.slug;
  articleId = (await createArticle({ columnId, authorId: author.id, title: "公共服务平台上线" })).id;
  withdrawnId = (await createArticle({ columnId, authorId: author.id, state: "withdrawn" })).id;
  server = http.createServer((req, res) => {
    const site = createPublicSite(options);
    if (site(req, res)) return;
    res.writeHead(299, { "content-type": "text/plain" });
    res.end("next.js");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(assetsDir, { recursive: true, force: true });
});

beforeEach(() => {
  cache = new PageCache({ maxBytes: 4 * 1024 * 1024, ttlMs: 60_000 });
  options = { cache, gate: new RenderGate({ concurrency: 4, maxQueue: 16 }), assetsDir };
});

function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(`${base}${url}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the public site", () => {
  it("renders a reading page once, then answers it from the page cache, whatever the query", async () => {
    const first = await get(`/articles/${articleId}`);
    expect(first.status).toBe(200);
    expect(first.headers["x-gazette-cache"]).toBe("MISS");
    expect(first.body.toString()).toContain("公共服务平台上线");
    expect(first.headers["content-security-policy"]).toBe(publicSitePolicy());
    expect(first.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(first.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect(first.headers["strict-transport-security"]).toBeUndefined();
    for (const url of [`/articles/${articleId}`, `/articles/${articleId}?from=wechat`]) {
      const again = await get(url);
      expect(again.headers["x-gazette-cache"], url).toBe("HIT");
      expect(again.body.equals(first.body), url).toBe(true);
    }
    // Revalidation, compression, HEAD, and HSTS behind HTTPS.
    expect((await get(`/articles/${articleId}`, { "if-none-match": String(first.headers.etag) })).status).toBe(304);
    const gzipped = await get(`/articles/${articleId}`, { "accept-encoding": "gzip, br" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzipped.body).equals(first.body)).toBe(true);
    const head = await get(`/articles/${articleId}`, {}, "HEAD");
    expect([head.status, head.body.length, Number(head.headers["content-length"])]).toEqual([200, 0, first.body.length]);
    expect((await get(`/articles/${articleId}`, { "x-forwarded-proto": "https" })).headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("renders again what a change names, and only that", async () => {
    await get(`/articles/${articleId}`);
    await get(`/columns/${columnSlug}`);
    await get("/sitemap");
    await db().$executeRaw`UPDATE "ArticleRevision" SET title = '公共服务平台正式上线' WHERE id = (SELECT "liveRevisionId" FROM "Article" WHERE id = ${articleId})`;
    // Not yet told: the cached copies stand.
    expect((await get(`/articles/${articleId}`)).body.toString()).toContain("公共服务平台上线");
    cache.drop({ paths: [`/articles/${articleId}`], tags: [TAGS.article(articleId), TAGS.column(columnId)] });
    const article = await get(`/articles/${articleId}`);
    expect(article.headers["x-gazette-cache"]).toBe("MISS");
    expect(article.body.toString()).toContain("公共服务平台正式上线");
    expect((await get(`/columns/${columnSlug}`)).headers["x-gazette-cache"]).toBe("MISS");
    expect((await get("/sitemap")).headers["x-gazette-cache"]).toBe("HIT");
  });

  it("keeps search pages by their canonical query in a cache of their own, until an article changes", async () => {
    const searchCache = new PageCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
    options = { ...options, searchCache };
    const first = await get(`/search?q=${encodeURIComponent("平台")}`);
    expect([first.status, first.headers["x-gazette-cache"]]).toEqual([200, "MISS"]);
    expect(first.body.toString().replace(/<[^>]+>/g, "")).toMatch(/公共服务平台(正式)?上线/);
    // The same search, spelled differently: one entry.
    for (const url of [`/search?q=${encodeURIComponent(" 平台 ")}&utm_source=wechat`, `/search?sort=relevance&q=${encodeURIComponent("平台")}&page=1`]) {
      const again = await get(url);
      expect(again.headers["x-gazette-cache"], url).toBe("HIT");
      expect(again.body.equals(first.body), url).toBe(true);
    }
    expect((await get(`/search?q=${encodeURIComponent("平台")}&sort=date`)).headers["x-gazette-cache"]).toBe("MISS");
    // A page that reports an ignored parameter back to the reader is not kept.
    for (let i = 0; i < 2; i++) {
      const odd = await get(`/search?q=${encodeURIComponent("平台")}&page=abc`);
      expect([odd.status, odd.headers["x-gazette-cache"]]).toEqual([200, undefined]);
    }
    expect([searchCache.size, cache.size]).toEqual([2, 0]);
    // Any article change names the articles tag: every search page goes.
    cache.drop({ paths: [`/articles/${articleId}`], tags: [TAGS.articles] });
    searchCache.drop({ paths: [`/articles/${articleId}`], tags: [TAGS.articles] });
    expect(searchCache.size).toBe(0);
    expect((await get(`/search?q=${encodeURIComponent("平台")}`)).headers["x-gazette-cache"]).toBe("MISS");
  });

  it("answers a withdrawn article 410 (kept, so that it stays cheap) and an unknown address with the site's 404 page (not kept)", async () => {
    for (const state of ["MISS", "HIT"]) {
      const gone = await get(`/articles/${withdrawnId}`);
      expect([gone.status, gone.headers["x-gazette-cache"]]).toEqual([410, state]);
      expect(gone.body.toString()).toContain("该信息已撤回");
    }
    for (const url of ["/no-such-page", "/articles/0123", "/articles/999999"]) {
      const missing = await get(url);
      expect(missing.status, url).toBe(404);
      expect(missing.headers["x-gazette-cache"], url).toBeUndefined();
      expect(missing.headers["cache-control"], url).toBe("no-store");
      expect(missing.body.toString(), url).toContain("<!DOCTYPE html>");
    }
    expect(cache.size).toBe(1);
  });

  it("leaves Next.js its paths, refuses other methods, and serves the site's files", async () => {
    for (const url of ["/admin", "/admin/articles", "/api/health", "/media/2026/a.webp", "/preview/articles/1", "/_next/static/a.js"]) {
      expect((await get(url)).status, url).toBe(299);
    }
    const post = await get(`/articles/${articleId}`, {}, "POST");
    expect([post.status, post.headers.allow]).toEqual([405, "GET, HEAD"]);
    const script = await get("/site.js?v=abc");
    expect([script.status, script.body.toString(), script.headers["cache-control"]]).toEqual([200, "console.log(1)", "public, max-age=31536000, immutable"]);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect((await get("/site.css")).status).toBe(404);
  });

  it("holds renders behind the gate — a full line is answered 503 with Retry-After — but never a cached page", async () => {
    await get(`/articles/${articleId}`);
    options = { cache, gate: new RenderGate({ concurrency: 0, maxQueue: 0 }), assetsDir };
    expect((await get(`/articles/${articleId}`)).status).toBe(200);
    for (const url of ["/search?q=平台", `/articles/${articleId}/download?format=html`, `/columns/${columnSlug}`]) {
      const busy = await get(url);
      expect([busy.status, busy.headers["retry-after"]], url).toEqual([503, "5"]);
    }
  });
});
