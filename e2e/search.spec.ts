import { expect, test, type Page } from "@playwright/test";
import { axeBuilder } from "./helpers/a11y";

/** The header's search box (the page's own form is another role=search). */
async function searchFromHeader(page: Page, words: string) {
  const form = page.getByRole("banner").getByRole("search");
  await form.getByLabel("搜索").fill(words);
  await form.getByRole("button", { name: "搜索" }).click();
}

const results = (page: Page) => page.getByRole("list", { name: "搜索结果" });

test("a citizen searches from the header and opens a result", async ({ page }, testInfo) => {
  await page.goto("/");
  await searchFromHeader(page, "外贸");

  await expect(page).toHaveURL(/\/search\?q=%E5%A4%96%E8%B4%B8$/);
  await expect(page.getByRole("heading", { level: 1, name: "站内搜索" })).toBeVisible();
  await expect(page.getByText(/^共找到 \d+ 条结果$/)).toBeVisible();
  await expect(page.getByLabel("关键词")).toHaveValue("外贸");

  // Title matches come first, with the words marked in the title and the snippet.
  const first = results(page).getByRole("listitem").first();
  const link = first.getByRole("heading", { level: 2 }).getByRole("link");
  await expect(link.locator("mark").first()).toHaveText("外贸");
  await expect(first.locator(".search-hit-snippet mark").first()).toHaveText("外贸");
  const title = (await link.innerText()).replace(/^(【[^】]*】)+/, "");
  await page.screenshot({ path: testInfo.outputPath("search-results.png"), fullPage: true });

  await link.click();
  await expect(page).toHaveURL(/\/articles\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
});

test("results narrow to a column, and to a date range", async ({ page }) => {
  await page.goto("/search?q=%E5%A4%96%E8%B4%B8");
  const all = await results(page).getByRole("listitem").count();

  await page.getByLabel("栏目", { exact: true }).selectOption({ label: "政策解读" });
  await page.getByRole("search", { name: "站内搜索" }).getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/column=policy-interpretation/);
  const hits = results(page).getByRole("listitem");
  await expect(hits.first()).toBeVisible();
  expect(await hits.count()).toBeLessThan(all);
  for (const hit of await hits.all()) await expect(hit.getByText(/栏目：(政策解读|文字解读|图解)/)).toBeVisible();

  await page.getByLabel("起始日期").fill("2000-01-01");
  await page.getByLabel("截止日期").fill("2000-12-31");
  await page.getByRole("search", { name: "站内搜索" }).getByRole("button", { name: "搜索" }).click();
  await expect(page.getByTestId("search-no-results")).toContainText("在当前筛选条件下没有找到与“外贸”相关的信息。");
  await page.getByRole("link", { name: "在全部栏目和日期中搜索“外贸”" }).click();
  await expect(results(page).getByRole("listitem")).toHaveCount(all);
});

test("no results: a plain message, tips and somewhere to go", async ({ page }, testInfo) => {
  await page.goto("/");
  await searchFromHeader(page, "量子纠缠");
  const empty = page.getByTestId("search-no-results");
  await expect(empty).toContainText("没有找到与“量子纠缠”相关的信息。");
  await expect(empty.getByText("换用更短或更常用的词", { exact: false })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("search-no-results.png"), fullPage: true });
  await empty.getByRole("heading", { name: "最新信息" }).scrollIntoViewIfNeeded();
  await empty.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/articles\/\d+$/);
});

test("odd input is answered calmly, never with an error", async ({ page }) => {
  for (const q of ["'\"\\", "& | ! <-> :*", "🎉🎉", "<script>alert(1)</script>", "生".repeat(300), "PM2.5 ＢＤＯ"]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}&page=abc&from=yesterday`);
    expect(response?.status(), q.slice(0, 10)).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "站内搜索" })).toBeVisible();
    await expect(page.getByText("部分筛选条件格式有误，已忽略：起始日期、页码。")).toBeVisible();
  }
  await page.goto("/search?q=%F0%9F%8E%89");
  await expect(page.getByText("关键词中没有可搜索的文字，请输入汉字、字母或数字。")).toBeVisible();
  await page.goto("/search?q=PM2.5");
  await expect(results(page).getByRole("listitem").first().locator("mark").first()).toHaveText("PM2.5");
});

test("the results page fits a phone screen", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/search?q=%E7%94%9F%E6%80%81");
  await expect(results(page).getByRole("listitem").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("search-phone.png"), fullPage: true });
});

test("results, filters and the no-results page have no WCAG 2.1 A/AA violations", async ({ page }) => {
  for (const path of ["/search?q=%E5%A4%96%E8%B4%B8", "/search?q=%E9%87%8F%E5%AD%90%E7%BA%A0%E7%BC%A0", "/search"]) {
    await page.goto(path);
    const result = await axeBuilder(page).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`), path).toEqual([]);
  }
});
