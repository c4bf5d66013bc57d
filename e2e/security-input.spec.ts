import { expect, test } from "@playwright/test";
import { sql } from "./helpers/instances";
import { loginAs } from "./helpers/login";

/** Oversized bodies are refused before any work is done. */
test("a server action body over the 2 MB limit is refused with 413", async ({ page }) => {
  await loginAs(page, "editor", "/admin/account");
  // Learn a real action id from the page's own form, then send it a body past the limit.
  const actionRequest = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByLabel("当前密码").fill("x");
  await page.getByLabel("新密码", { exact: true }).fill("y");
  await page.getByLabel("再次输入新密码").fill("y");
  await page.getByRole("button", { name: "修改密码" }).click();
  const sample = await actionRequest;
  const response = await page.request.post(sample.url(), {
    headers: { "next-action": sample.headers()["next-action"], "content-type": "text/plain;charset=UTF-8", origin: new URL(page.url()).origin },
    data: JSON.stringify([{ currentPassword: "x".repeat(3 * 1024 * 1024) }]),
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("提交的内容过大");
});

test("an oversized upload is refused with a clear message", async ({ page }) => {
  await loginAs(page, "editor");
  const response = await page.request.post("/api/media", {
    headers: { origin: new URL(page.url()).origin, "content-type": "multipart/form-data; boundary=x" },
    data: Buffer.alloc(60 * 1024 * 1024, 0x41),
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error).toMatch(/文件不能超过 \d+ MB/);
});

/**
 * Text typed into an article's fields stays text where readers meet it: in a feed
 * reader (which renders titles and descriptions as HTML) and in the page's status.
 * The articles are written straight to the database as approved and due, and
 * published by the scheduler's heartbeat, as e2e/scale-out.spec.ts does.
 */
/** An article approved and due a moment ago (or already withdrawn), with the given title, summary and stored body. */
async function insertArticle(title: string, summary: string, bodyText: string, withdrawn = false) {
  const [{ id: columnId }] = await sql<{ id: number }>(`SELECT id FROM "Column" WHERE slug = 'wuhai-news'`);
  const [{ id: userId }] = await sql<{ id: number }>(`SELECT id FROM "User" WHERE role = 'ADMIN' LIMIT 1`);
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: bodyText }] }] };
  // What the sanitizer stores for that text: "<" and "&" escaped, quotes as typed.
  const bodyHtml = `<p>${bodyText.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</p>`;
  const [{ id }] = await sql<{ id: number }>(
    `INSERT INTO "Article" (title, summary, "columnId", "bodyJson", "bodyHtml", "bodyText", status, "reviewLevel", "scheduledAt", "createdById", "updatedById", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, 'SCHEDULED', 1, now() + $8::interval, $7, $7, now()) RETURNING id`,
    // One to be withdrawn is not due: the scheduler's heartbeat must not publish it first.
    [title, summary, columnId, JSON.stringify(body), bodyHtml, bodyText, userId, withdrawn ? "1 day" : "-1 second"],
  );
  const [{ id: revisionId }] = await sql<{ id: number }>(
    `INSERT INTO "ArticleRevision" ("articleId", version, title, "titleTags", subtitle, author, source, summary, "bodyJson", "bodyHtml", "bodyText", "authorId")
     VALUES ($1, 1, $2, '{}', '', $3, '', $4, $5, $6, $7, $8) RETURNING id`,
    [id, title, summary, summary, JSON.stringify(body), bodyHtml, bodyText, userId],
  );
  if (withdrawn) {
    await sql(
      `UPDATE "Article" SET status = 'WITHDRAWN', live = false, "scheduledAt" = NULL, "publishedAt" = now() - interval '1 day', "withdrawnAt" = now(), "withdrawnReason" = '测试', "liveRevisionId" = $2 WHERE id = $1`,
      [id, revisionId],
    );
  }
  return id;
}

/** The scheduler's heartbeat publishes what is due (every second on the e2e server: scripts/e2e-server.ts). */
async function publishedByScheduler(id: number) {
  await expect.poll(async () => (await sql<{ status: string }>(`SELECT status FROM "Article" WHERE id = $1`, [id]))[0].status, { timeout: 15_000 }).toBe("PUBLISHED");
}

test("a title typed as markup is shown as text in a feed reader", async ({ page, baseURL }) => {
  const vector = `<img src=x onerror="window.__xss=1">标题${Date.now()}`;
  const id = await insertArticle(vector, `<script>window.__xss=2</script>摘要`, "正文。");
  await publishedByScheduler(id);
  const feedUrl = `${baseURL}/feed.xml`;
  await expect.poll(async () => (await (await fetch(feedUrl)).text()).includes(`/articles/${id}<`), { timeout: 10_000 }).toBe(true);
  const xml = await (await fetch(feedUrl)).text();
  await page.goto("/");
  // As a reader does: parse the XML, then put each field into the page as HTML.
  const shown = await page.evaluate(
    ({ xml, id }) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      const item = [...doc.querySelectorAll("item")].find((i) => i.querySelector("link")?.textContent?.endsWith(`/articles/${id}`))!;
      return ["title", "description"].map((tag) => {
        const view = document.createElement("div");
        view.innerHTML = item.getElementsByTagName(tag)[0].textContent ?? "";
        document.body.append(view);
        return { elements: view.querySelectorAll("*").length, text: view.textContent };
      });
    },
    { xml, id },
  );
  expect(shown).toEqual([
    { elements: 0, text: vector },
    { elements: 0, text: `<script>window.__xss=2</script>摘要` },
  ]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test("an article whose text names a status is served 200; a withdrawn one is 410", async ({ request }) => {
  const id = await insertArticle(`状态测试${Date.now()}`, "", '正文 data-http-status="410" 与 data-http-status="404"');
  const gone = await insertArticle(`撤回测试${Date.now()}`, "", "正文。", true);
  await publishedByScheduler(id);
  await expect.poll(async () => (await request.get(`/articles/${id}`)).status(), { timeout: 10_000 }).toBe(200);
  // Again, from the page cache.
  const again = await request.get(`/articles/${id}`);
  expect(again.status()).toBe(200);
  expect(await again.text()).toContain('data-http-status="410"');
  expect((await request.get(`/articles/${gone}`)).status()).toBe(410);
  expect((await request.get(`/articles/${gone}`)).status()).toBe(410);
});
