import { expect, test } from "@playwright/test";
import { REFERENCE } from "./helpers/public-site";

const TOP_COLUMNS = ["首页要闻", "乌海要闻", "部门动态", "媒体解读", "政策解读", "通知公告", "政务公开"];

test.describe("the site around the articles", () => {
  test("the home page has the headline area and the newest articles of every top-level column, pinned first", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle("乌海市人民政府");
    await expect(page.locator(".headline-lead img")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "栏目导航" }).getByRole("link")).toHaveText(["首页", ...TOP_COLUMNS]);
    for (const name of TOP_COLUMNS) {
      const section = page.getByRole("region", { name, exact: true });
      await expect(section.getByRole("link", { name: `更多${name}` })).toHaveAttribute("href", /^\/columns\//);
      expect(await section.locator(".article-list li").count()).toBeGreaterThan(0);
    }
    const headlines = page.getByRole("region", { name: "首页要闻", exact: true }).locator(".article-list li");
    await expect(headlines.first()).toContainText("置顶");
    await expect(headlines.nth(1)).not.toContainText("置顶");
  });

  test("a column page lists its and its children's articles, newest first, with the child columns", async ({ page }) => {
    await page.goto("/columns/department-news");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("部门动态");
    await expect(page.getByRole("navigation", { name: "当前位置" }).getByRole("listitem")).toHaveText(["首页", "部门动态"]);
    await expect(page.locator(".column-aside").getByRole("link", { name: /动态$/ })).toHaveText(["发改委动态", "生态环境动态", "教育动态"]);
    const dates = await page.locator(".column-main .article-list time").allTextContents();
    expect(dates.length).toBeGreaterThan(5);
    expect([...dates].sort().reverse()).toEqual(dates);
    await expect(page.getByText(/共 \d+ 条/)).toBeVisible();

    await page.locator(".column-aside").getByRole("link", { name: "教育动态" }).click();
    await expect(page.getByRole("navigation", { name: "当前位置" }).getByRole("listitem")).toHaveText(["首页", "部门动态", "教育动态"]);
    expect((await page.goto("/columns/department-news/page/9"))?.status()).toBe(404);
    await page.goto("/columns/department-news/page/1");
    await expect(page).toHaveURL(/\/columns\/department-news$/);
    expect((await page.goto("/columns/no-such-column"))?.status()).toBe(404);
  });

  test("网站地图 shows every column as a tree", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "网站地图" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("网站地图");
    const tree = page.locator(".sitemap-tree");
    for (const name of TOP_COLUMNS) await expect(tree.getByRole("link", { name, exact: true })).toBeVisible();
    await expect(tree.locator("li", { hasText: "部门动态" }).getByRole("link")).toHaveText(["部门动态", "发改委动态", "生态环境动态", "教育动态"]);
  });

  test("sitemap.xml lists every published article and every column; the RSS feeds are valid", async ({ request }) => {
    const xml = await (await request.get("/sitemap.xml")).text();
    expect(xml.match(/<loc>[^<]*\/articles\/\d+<\/loc>/g)?.length).toBeGreaterThanOrEqual(41);
    expect(xml).toContain("/columns/department-news</loc>");
    expect(xml).toContain("/columns/education-news</loc>");
    const feed = await request.get("/feed.xml");
    expect(feed.headers()["content-type"]).toContain("application/rss+xml");
    const rss = await feed.text();
    expect(rss).toContain('<rss version="2.0"');
    expect(rss).toContain(`<title>${REFERENCE.title}</title>`);
    expect(rss.match(/<item>/g)?.length).toBeGreaterThanOrEqual(40);
    const column = await (await request.get(`${REFERENCE.columnPath}/feed.xml`)).text();
    expect(column).toContain("<title>媒体解读 - 乌海市人民政府</title>");
    // The four seeded articles, and any interpretation an earlier journey published there.
    expect(column.match(/<item>/g)?.length).toBeGreaterThanOrEqual(4);
    expect((await request.get("/columns/no-such-column/feed.xml")).status()).toBe(404);
  });

  test("the footer carries every field of the reference footer", async ({ page }) => {
    await page.goto("/");
    const footer = page.getByRole("contentinfo");
    for (const text of ["主办：乌海市人民政府办公室", "维护：乌海市大数据中心", "地址：内蒙古乌海市海勃湾区滨河区市行政中心", "邮编：016000", "网站维护电话：0473-3998508", "政府网站标识码：1503000001", "版权所有"]) {
      await expect(footer).toContainText(text);
    }
    await expect(footer.getByRole("link", { name: "蒙公网安备15030202000006" })).toHaveAttribute("href", /beian\.mps\.gov\.cn.*15030202000006/);
    await expect(footer.getByRole("link", { name: "蒙ICP备05000809号" })).toHaveAttribute("href", "https://beian.miit.gov.cn/");
    await expect(footer.getByRole("img", { name: "党政机关网站标识" })).toBeVisible();

    await footer.getByRole("button", { name: "加入收藏" }).click();
    const favorite = page.getByRole("dialog", { name: "加入收藏" });
    await expect(favorite).toBeVisible();
    await expect(favorite).toContainText("Ctrl + D");
    await page.keyboard.press("Escape");
    await expect(favorite).toBeHidden();
    await footer.getByRole("button", { name: "设为首页" }).click();
    const homepage = page.getByRole("dialog", { name: "设为首页" });
    await expect(homepage).toContainText("http://127.0.0.1");
    await homepage.getByRole("button", { name: "知道了" }).click();
    await expect(homepage).toBeHidden();
  });

  test("the header search sends the words to /search", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("search").getByLabel("搜索").fill("五大任务");
    await page.getByRole("search").getByRole("button", { name: "搜索" }).click();
    await expect(page).toHaveURL(/\/search\?q=%E4%BA%94%E5%A4%A7%E4%BB%BB%E5%8A%A1$/);
  });

  test("keyboard: the skip link leads to the content, focus is visible, 保存 opens from the keyboard", async ({ page }) => {
    await page.goto(REFERENCE.path);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "跳到正文" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("#main")).toBeFocused();
    const save = page.getByText("保存", { exact: true });
    await save.focus();
    expect(await save.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("link", { name: "Word 文档（.docx）" })).toBeVisible();
  });
});

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the column menu slides open from its button and leads to a column", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "栏目导航", exact: true })).toBeHidden();
    const drawer = page.getByRole("dialog", { name: "栏目导航" });
    await expect(drawer).toBeHidden();
    await page.getByRole("button", { name: "打开栏目导航" }).click();
    await expect(drawer).toBeVisible();
    await expect.poll(() => drawer.evaluate((el) => el.getBoundingClientRect().left)).toBe(0);
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();

    await page.getByRole("button", { name: "打开栏目导航" }).click();
    await drawer.getByRole("link", { name: "通知公告" }).click();
    await expect(page).toHaveURL(/\/columns\/notices$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("通知公告");
    await expect(drawer).toBeHidden();
  });

  test("the article reads without horizontal scrolling", async ({ page }) => {
    await page.goto(REFERENCE.path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe("长者模式", () => {
  test("switches on large, high-contrast text that stays on across pages and visits", async ({ page, context }) => {
    await page.goto("/");
    const toggle = page.getByRole("button", { name: "长者模式" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    const baseSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator("html")).toHaveClass(/elder-mode/);
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThan(baseSize);

    await page.getByRole("navigation", { name: "栏目导航" }).getByRole("link", { name: "媒体解读" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("媒体解读");
    await expect(page.locator("html")).toHaveClass(/elder-mode/);

    const later = await context.newPage();
    await later.goto(REFERENCE.path);
    await expect(later.locator("html")).toHaveClass(/elder-mode/);
    await expect(later.getByRole("button", { name: "长者模式" })).toHaveAttribute("aria-pressed", "true");
    expect(await later.locator(".article-body p").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize))).toBeGreaterThanOrEqual(24);

    await later.getByRole("button", { name: "长者模式" }).click();
    await expect(later.locator("html")).not.toHaveClass(/elder-mode/);
    await later.reload();
    await expect(later.getByRole("button", { name: "长者模式" })).toHaveAttribute("aria-pressed", "false");
  });
});
