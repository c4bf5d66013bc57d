import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../playwright.config";
import { e2eRuntime, sql, startSecondInstance } from "./helpers/instances";

/**
 * Two app instances on one PostgreSQL: what is published through one is served by the
 * other within seconds (each has its own page cache; LISTEN/NOTIFY tells every instance).
 */
const runtime = e2eRuntime();
const A = `http://127.0.0.1:${E2E_PORT}`;
const B_PORT = E2E_PORT + 1;
const B = `http://127.0.0.1:${B_PORT}`;
let second: { stop(): void } | undefined;

test.beforeAll(async () => {
  second = await startSecondInstance(B_PORT);
});

test.afterAll(() => {
  second?.stop();
});

/** An approved article scheduled for tomorrow: the test makes it due when both instances have seen the site without it. */
async function dueArticle(title: string) {
  const [{ id: columnId }] = await sql<{ id: number }>(`SELECT id FROM "Column" WHERE slug = 'wuhai-news'`);
  const [{ id: userId }] = await sql<{ id: number }>(`SELECT id FROM "User" WHERE role = 'ADMIN' LIMIT 1`);
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "两个实例同时提供服务。" }] }] };
  const [{ id }] = await sql<{ id: number }>(
    `INSERT INTO "Article" (title, "columnId", "bodyJson", "bodyHtml", "bodyText", status, "reviewLevel", "scheduledAt", "createdById", "updatedById", "updatedAt")
     VALUES ($1, $2, $3, '<p>两个实例同时提供服务。</p>', '两个实例同时提供服务。', 'SCHEDULED', 1, now() + interval '1 day', $4, $4, now()) RETURNING id`,
    [title, columnId, JSON.stringify(body), userId],
  );
  await sql(
    `INSERT INTO "ArticleRevision" ("articleId", version, title, "titleTags", subtitle, author, source, summary, "bodyJson", "bodyHtml", "bodyText", "authorId")
     VALUES ($1, 1, $2, '{}', '', '', '', '', $3, '<p>两个实例同时提供服务。</p>', '两个实例同时提供服务。', $4)`,
    [id, title, JSON.stringify(body), userId],
  );
  return id;
}

test("an article published through one instance is served by the other within seconds", async () => {
  const title = `双实例测试${Date.now()}`;
  // The column's newest article until now: its 上一条 becomes the new one.
  const [{ id: neighbour }] = await sql<{ id: number }>(
    `SELECT a.id FROM "Article" a JOIN "Column" c ON c.id = a."columnId"
     WHERE c.slug = 'wuhai-news' AND a.live AND a."publishedAt" <= now() ORDER BY a."publishedAt" DESC, a.id DESC LIMIT 1`,
  );
  const id = await dueArticle(title);
  // Both instances have seen (and may have cached) the home page, the neighbour and the missing article.
  for (const base of [A, B]) {
    expect((await fetch(`${base}/articles/${id}`)).status).toBe(404);
    expect(await (await fetch(`${base}/`)).text()).not.toContain(title);
    expect(await (await fetch(`${base}/articles/${neighbour}`)).text()).not.toContain(title);
  }

  // Due now: A's scheduler heartbeat publishes it (every second on the e2e server).
  await sql(`UPDATE "Article" SET "scheduledAt" = now() - interval '1 second' WHERE id = $1`, [id]);
  for (const base of [A, B]) {
    await expect.poll(async () => (await fetch(`${base}/articles/${id}`)).status, { timeout: 15_000 }).toBe(200);
    await expect.poll(async () => await (await fetch(`${base}/`)).text(), { timeout: 5_000 }).toContain(title);
    await expect.poll(async () => await (await fetch(`${base}/articles/${neighbour}`)).text(), { timeout: 5_000 }).toMatch(new RegExp(`href="/articles/${id}" rel="prev"`));
  }
  // And the static snapshot: the new article written by the instance that published,
  // at once; its neighbour's file rewritten from the background queue.
  const staticFile = (articleId: number) => path.join(runtime.dataDir, "static", "articles", String(articleId), "index.html");
  await expect.poll(() => fs.existsSync(staticFile(id)), { timeout: 5_000 }).toBe(true);
  await expect.poll(() => (fs.existsSync(staticFile(neighbour)) ? fs.readFileSync(staticFile(neighbour), "utf8") : ""), { timeout: 60_000 }).toContain(title);
});

test("no instance calls itself over HTTP: there are no internal endpoints to reach", async () => {
  for (const path of ["/api/internal/tick", "/api/internal/refresh"]) {
    expect((await fetch(`${B}${path}`, { method: "POST", body: "{}" })).status, path).toBe(404);
  }
});

test("media stored through one instance are served by the other", async () => {
  // A picture a live article shows (only those are public: lib/media/access.ts).
  const [{ key }] = await sql<{ key: string }>(
    `SELECT m."storageKey" AS key FROM "Media" m JOIN "PublicMediaKey" p ON p.key = m."storageKey" WHERE m.kind = 'IMAGE' AND p."publishedAt" <= now() LIMIT 1`,
  );
  const [a, b] = await Promise.all([fetch(`${A}/media/${key}`), fetch(`${B}/media/${key}`)]);
  expect(a.status).toBe(200);
  expect(b.status).toBe(200);
  expect(Buffer.from(await b.arrayBuffer()).equals(Buffer.from(await a.arrayBuffer()))).toBe(true);
});
