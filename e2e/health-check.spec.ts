import { expect, test, type Page } from "@playwright/test";
import { checkAtEveryWidth } from "./helpers/a11y";
import { sql } from "./helpers/instances";
import { loginAs } from "./helpers/login";

/**
 * 站点体检 before the inspectors come: an admin makes a demo column due every 30 days (its
 * articles are older) and, in a live article, a link to a column that does not exist yet is
 * planted; the self-check reports both, each with the page where it is fixed; the admin
 * fixes them there, runs it again, and both are gone. The page passes axe at both widths,
 * the dashboard shows the badge (the demo site's news is years old), and a reviewer may read
 * the results but not start a run.
 *
 * It leaves the site as it found it (afterAll): the planted revision removed, the column's
 * period and the new column gone.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

const TARGET = "health-e2e-target";
let planted: { articleId: number; liveRevisionId: number; revisionId: number } | null = null;

test.beforeAll(async () => {
  const [article] = await sql<{ id: number; liveRevisionId: number }>(
    `SELECT a.id, a."liveRevisionId" FROM "Article" a JOIN "Column" c ON c.id = a."columnId"
     WHERE c.slug = 'policy-text' AND a.live ORDER BY a.id LIMIT 1`,
  );
  // A new live revision with one more paragraph, as if it had been published with the link.
  const [revision] = await sql<{ id: number }>(
    `INSERT INTO "ArticleRevision" ("articleId", version, title, "titleTags", subtitle, author, source, summary, "bodyJson", "bodyHtml", "bodyText",
       "coverId", "coverAlt", "indexNo", topic, "issuingOrg", "writtenAt", "docNo", attachments, note, "authorId")
     SELECT "articleId", (SELECT max(version) + 1 FROM "ArticleRevision" WHERE "articleId" = $1), title, "titleTags", subtitle, author, source, summary,
       "bodyJson", "bodyHtml" || '<p>详见<a href="/columns/${TARGET}">专题</a>。</p>', "bodyText",
       "coverId", "coverAlt", "indexNo", topic, "issuingOrg", "writtenAt", "docNo", attachments, 'e2e', "authorId"
     FROM "ArticleRevision" WHERE id = $2 RETURNING id`,
    [article.id, article.liveRevisionId],
  );
  await sql(`UPDATE "Article" SET "liveRevisionId" = $1 WHERE id = $2`, [revision.id, article.id]);
  planted = { articleId: article.id, liveRevisionId: article.liveRevisionId, revisionId: revision.id };
});

test.afterAll(async () => {
  if (planted) {
    await sql(`UPDATE "Article" SET "liveRevisionId" = $1 WHERE id = $2`, [planted.liveRevisionId, planted.articleId]);
    await sql(`DELETE FROM "ArticleRevision" WHERE id = $1`, [planted.revisionId]);
  }
  await sql(`UPDATE "Column" SET "updateEveryDays" = NULL WHERE slug = 'media-interpretation'`);
  await sql(`DELETE FROM "Column" WHERE slug = $1`, [TARGET]);
});

async function runCheck(page: Page) {
  await page.goto("/admin/health-check");
  await page.getByRole("button", { name: "立即体检" }).click();
  await expect(page.getByTestId("health-run-status")).toContainText(/体检完成：(未通过|通过)。/, { timeout: 120_000 });
  await expect(page.getByRole("button", { name: "立即体检" })).toBeEnabled();
}

const staleText = "栏目“媒体解读”（解读，更新周期 30 天）";
const brokenText = `中的链接 /columns/${TARGET} 指向的栏目不存在。`;

test("the self-check reports a stale column and a broken link, each fixed where it links, then both are gone", async ({ page }) => {
  await loginAs(page, "admin", "/admin/columns");
  // 媒体解读 is a 解读 column: no period by default. The office decides it must be updated monthly.
  await page.getByTestId("column-row-media-interpretation").getByRole("link", { name: /^编辑/ }).click();
  await page.getByLabel(/更新周期（天）/).fill("30");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("column-edit-status")).toContainText("已保存");

  await runCheck(page);
  const findings = page.getByTestId("health-findings");
  const stale = findings.getByRole("listitem").filter({ hasText: staleText });
  const broken = findings.getByRole("listitem").filter({ hasText: brokenText });
  await expect(stale).toHaveCount(1);
  await expect(stale).toContainText(/最后更新于 \d{4}-\d\d-\d\d，应在 \d{4}-\d\d-\d\d 前更新，已逾期 \d+ 天/);
  await expect(broken).toHaveCount(1);
  // The columns' table says when 媒体解读 was last updated and by when it had to be.
  await expect(page.getByTestId("health-columns").getByRole("row", { name: /媒体解读/ })).toContainText("逾期未更新");

  // The broken link's finding leads to the article's editor.
  await broken.getByRole("link", { name: "编辑文章" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${planted!.articleId}$`));

  // The link meant a column not yet opened: the admin opens it.
  await page.goto("/admin/columns");
  await page.getByText("新建栏目", { exact: true }).first().click();
  const form = page.getByRole("form", { name: "新建栏目" });
  await form.getByLabel("栏目名称").fill("体检专题");
  await form.getByLabel("栏目地址").fill(TARGET);
  await form.getByRole("button", { name: "新建栏目" }).click();
  await expect(page.getByTestId("column-new-status")).toContainText("栏目已创建");

  // The stale column's finding leads to its form: back to the category's default (none).
  await page.goto("/admin/health-check");
  await page.getByTestId("health-findings").getByRole("listitem").filter({ hasText: staleText }).getByRole("link", { name: "编辑栏目" }).click();
  await expect(page).toHaveURL(/\/admin\/columns\/\d+$/);
  await page.getByLabel(/更新周期（天）/).fill("");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("column-edit-status")).toContainText("已保存");

  await runCheck(page);
  await expect(page.getByTestId("health-findings")).not.toContainText(staleText);
  await expect(page.getByTestId("health-findings")).not.toContainText(brokenText);
  await expect(page.getByTestId("health-columns").getByRole("row", { name: /媒体解读/ })).toContainText("不要求");
  // The trend keeps both runs.
  expect(await page.getByTestId("health-trend").getByRole("row").count()).toBeGreaterThanOrEqual(3);
});

test("the page passes axe at 1280 and 390 px, and the dashboard shows the badge", async ({ page }) => {
  await loginAs(page, "admin", "/admin");
  // The demo site's news is from 2023: the self-check does not pass.
  const badge = page.getByTestId("health-badge");
  await expect(badge).toContainText("站点体检未通过");
  await badge.getByRole("link", { name: "查看体检结果" }).click();
  await expect(page).toHaveURL(/\/admin\/health-check$/);
  await checkAtEveryWidth(page, "/admin/health-check with its findings");
});

test("a reviewer reads the results but cannot start a run", async ({ page }) => {
  await loginAs(page, "reviewer", "/admin/health-check");
  await expect(page.getByRole("heading", { name: "站点体检", level: 1 })).toBeVisible();
  await expect(page.getByTestId("health-findings")).toBeVisible();
  await expect(page.getByRole("button", { name: "立即体检" })).toHaveCount(0);
  await expect(page.getByText("只有管理员可以发起体检")).toBeVisible();
});
