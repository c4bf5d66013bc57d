import { expect, test } from "@playwright/test";
import { checkAtEveryWidth, checkPage, WALK_CONTEXT } from "./helpers/a11y";
import { REFERENCE } from "./helpers/public-site";

const PAGES = [
  { name: "home", path: "/" },
  { name: "column", path: "/columns/department-news" },
  { name: "article", path: REFERENCE.path },
  { name: "disclosure article", path: "/columns/government-documents", follow: true },
  // 已废止 at the top, and the 相关解读 / 政策原文 lists (issue 18).
  { name: "repealed document", path: "/columns/government-documents", follow: "乌海市人民政府办公室关于印发乌海市数字政府建设实施方案的通知" },
  { name: "interpreted document", path: "/columns/government-documents", follow: "乌海市人民政府关于印发乌海市生态环境分区管控方案的通知" },
  { name: "site map", path: "/sitemap" },
  // 政府信息公开目录 (issue 18): the table, and the filtered list with its pagination.
  { name: "政府信息公开目录", path: "/zfxxgk" },
  { name: "政府信息公开目录, filtered", path: "/zfxxgk?validity=VALID&topic=%E7%BB%BC%E5%90%88%E6%94%BF%E5%8A%A1" },
  { name: "404", path: "/no-such-page" },
];

/** One reader's window for the walk: each page is loaded once and checked at both widths. */
test.use({ viewport: WALK_CONTEXT.viewport });
// Every page is independent: any free worker may take the next.
test.describe.configure({ mode: "parallel" });

for (const target of PAGES) {
  test(`${target.name} has no WCAG 2.1 A/AA violations`, async ({ page }) => {
    await page.goto(target.path);
    if (target.follow === true) await page.locator(".column-main .article-list a").first().click();
    else if (target.follow) await page.locator(".column-main .article-list a", { hasText: target.follow }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await checkAtEveryWidth(page, target.name);
  });
}

test("the article in 长者模式 with the largest font has no violations", async ({ page }) => {
  await page.goto(REFERENCE.path);
  await page.getByRole("button", { name: "长者模式" }).click();
  await page.getByRole("button", { name: "正文字号：大" }).click();
  await checkAtEveryWidth(page, "长者模式, large font");
});

test("the open phone menu has no violations", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto("/");
  await page.getByRole("button", { name: "打开栏目导航" }).click();
  await expect(page.getByRole("dialog", { name: "栏目导航" })).toBeVisible();
  await checkPage(page, 390, "the open phone menu");
});
