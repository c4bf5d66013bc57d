import { expect, test } from "@playwright/test";
import { accounts } from "./helpers/accounts";
import { loginAs } from "./helpers/login";

const REFERENCE_TITLE = "【媒体解读】【五大任务】乌海:笃行实干 奋勇争先 全力推动“五大任务”见行见效";

test("a newcomer opens the home page and reads the reference article", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByRole("link", { name: REFERENCE_TITLE }).first().click();

  await expect(page.getByRole("heading", { level: 1, name: REFERENCE_TITLE })).toBeVisible();
  await expect(page.getByText("2023-07-30 18:04:25")).toBeVisible();
  await expect(page.getByText("作者：市政府办公室")).toBeVisible();
  await expect(page.getByText("来源：乌海新闻")).toBeVisible();
  await expect(page.getByRole("heading", { name: /擦亮生态底色/ })).toBeVisible();

  const images = page.locator(".article-body img");
  await expect(images).toHaveCount(13);
  // Every image actually loads.
  for (const img of await images.all()) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  }
});

test("an admin logs in and sees the article list", async ({ page }) => {
  await loginAs(page, "admin");
  await expect(page.getByRole("heading", { name: "文章管理" })).toBeVisible();
  await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();
  // 41 demo articles span several pages: find the reference by its title.
  await page.goto(`/admin/articles?q=${encodeURIComponent("笃行实干")}`);
  await expect(page.getByRole("link", { name: REFERENCE_TITLE })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/admin/login");
  await page.getByLabel("邮箱").fill(accounts.admin.email);
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("邮箱或密码错误，请重试。");
  await expect(page).toHaveURL(/\/admin\/login/);
});

test("an anonymous visit to the admin is sent to the login page", async ({ page }) => {
  await page.goto("/admin/articles");
  await expect(page).toHaveURL(/\/admin\/login/);
  await expect(page.getByRole("heading", { name: "登录内容管理系统" })).toBeVisible();
});

test("the health check and the sitemap answer", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", db: "ok" });
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  const xml = await sitemap.text();
  expect(xml.match(/<loc>[^<]*\/articles\/\d+<\/loc>/g)?.length).toBeGreaterThanOrEqual(31);
});
