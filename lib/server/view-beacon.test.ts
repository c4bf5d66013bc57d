import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { isViewBeacon, serveViewBeacon } from "./view-beacon";

/** The view beacon as the app server answers it, against a real database. */
setupTestDatabase();

const READER = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36";
let server: http.Server;
let base: string;
let articleId: number;
let draftId: number;

beforeAll(async () => {
  const columnId = (await createColumn()).id;
  const authorId = (await createUser("EDITOR")).id;
  articleId = (await createArticle({ columnId, authorId })).id;
  draftId = (await createArticle({ columnId, authorId, state: "draft" })).id;
  server = http.createServer((req, res) => {
    if (isViewBeacon(req)) return void serveViewBeacon(req, res);
    res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const beacon = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/views`, { method: "POST", headers: { "content-type": "application/json", "user-agent": READER, ...headers }, body });

describe("the view beacon", () => {
  it("counts a reader's view and answers the new count, uncached and inert", async () => {
    const first = await beacon(JSON.stringify({ id: articleId }));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ count: 1, counted: true });
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(first.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await (await beacon(JSON.stringify({ id: articleId }))).json()).toEqual({ count: 2, counted: true });
  });

  it("shows crawlers and prefetches the count without adding to it", async () => {
    const before = (await (await beacon(JSON.stringify({ id: articleId }), { "user-agent": "Baiduspider" })).json()).count;
    expect(await (await beacon(JSON.stringify({ id: articleId }), { "user-agent": "Baiduspider" })).json()).toEqual({ count: before, counted: false });
    expect(await (await beacon(JSON.stringify({ id: articleId }), { "sec-purpose": "prefetch" })).json()).toEqual({ count: before, counted: false });
  });

  it("refuses what is not one view of a public article, with a localized reason", async () => {
    const cases: [Response, number, string][] = [
      [await beacon(JSON.stringify({ id: draftId })), 404, "文章不存在"],
      [await beacon("{"), 400, "请求格式无效"],
      [await beacon(JSON.stringify({ id: articleId, extra: 1 })), 400, "请求格式无效"],
      [await beacon(JSON.stringify({ id: articleId, pad: "x".repeat(300) })), 413, "请求过大"],
      [await beacon(JSON.stringify({ id: articleId }), { "sec-fetch-site": "cross-site" }), 403, "不接受跨站请求"],
    ];
    for (const [response, status, error] of cases) {
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error });
    }
  });

  it("answers only POST /api/views: another method is refused, another address is not its own", async () => {
    const get = await fetch(`${base}/api/views`);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
    expect((await fetch(`${base}/api/views?x=1`, { method: "POST", body: "{}" })).status).toBe(418);
  });
});
