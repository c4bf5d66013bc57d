import { gzipSync } from "node:zlib";
import fs from "node:fs";
import JSZip from "jszip";
import { expect, test } from "@playwright/test";
import { compact, pdfText } from "./helpers/public-pdf";
import { bodyHeadings, REFERENCE, viewArticle } from "./helpers/public-site";

test.describe("the article page", () => {
  test("shows the reference article like the reference page", async ({ page }) => {
    await page.goto(REFERENCE.path);
    const crumbs = page.getByRole("navigation", { name: "当前位置" });
    await expect(crumbs).toContainText("当前位置：");
    await expect(crumbs.getByRole("listitem")).toHaveText(["首页", REFERENCE.columnName, "正文"]);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(REFERENCE.title);
    const meta = page.locator(".article-meta");
    await expect(meta).toContainText(`公开日期：${REFERENCE.date}`);
    await expect(meta).toContainText("作者：市政府办公室");
    await expect(meta).toContainText("来源：乌海新闻");
    await expect(meta).toContainText(/浏览次数：\d+/);
    for (const name of ["打印", "关闭"]) await expect(page.getByRole("button", { name })).toBeVisible();
    await expect(page.getByText("保存", { exact: true })).toBeVisible();
    await expect(page.getByRole("group", { name: "字号" }).getByRole("button")).toHaveText(["大", "中", "小"]);
    // Body: first-line indent, headings, all 13 pictures with alt text.
    const first = page.locator(".article-body p").first();
    await expect(first).toContainText(REFERENCE.firstSentence);
    expect(await first.evaluate((p) => getComputedStyle(p).textIndent)).not.toBe("0px");
    expect(await bodyHeadings(page)).toHaveLength(5);
    const images = page.locator(".article-body img");
    await expect(images).toHaveCount(13);
    for (const alt of await images.evaluateAll((imgs) => imgs.map((i) => i.getAttribute("alt")))) expect(alt?.trim()).toBeTruthy();
    const bodySize = await first.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    expect(bodySize).toBeGreaterThanOrEqual(16);
  });

  test("has its metadata: title, description, canonical URL, Open Graph and NewsArticle JSON-LD", async ({ page }) => {
    await page.goto(REFERENCE.path);
    await expect(page).toHaveTitle(`${REFERENCE.title} - 乌海市人民政府`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /五大任务/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/articles\/1$/);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", REFERENCE.title);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/media\//);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld).toMatchObject({ "@type": "NewsArticle", headline: REFERENCE.title, inLanguage: "zh-CN", datePublished: "2023-07-30T10:04:25.000Z" });
    expect(ld.publisher.name).toBe("乌海市人民政府");
  });

  test("上一条 / 下一条 follow the column's order, with 没有了 at the end", async ({ page }) => {
    await page.goto(REFERENCE.path);
    const nav = page.getByRole("navigation", { name: "上一条 / 下一条" });
    await expect(nav).toContainText("上一条：【媒体解读】媒体看乌海：外贸新业态激发开放发展新动能");
    await expect(nav).toContainText("下一条：【媒体解读】沙漠边的城市如何“绿”起来——媒体聚焦乌海生态治理");
    await nav.getByRole("link", { name: /沙漠边的城市/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("沙漠边的城市");
    await expect(nav).toContainText(`上一条：${REFERENCE.title}`);
    await expect(nav).toContainText("下一条：没有了");
    // The column lists them in the same order.
    await page.goto(REFERENCE.columnPath);
    const titles = await page.locator(".column-main .article-list a").allTextContents();
    const at = (part: string) => titles.findIndex((t) => t.includes(part));
    expect(at("外贸新业态")).toBeLessThan(at("五大任务"));
    expect(at("五大任务")).toBeLessThan(at("沙漠边的城市"));
  });

  test("lists a few related articles", async ({ page }) => {
    await page.goto(REFERENCE.path);
    const related = page.getByRole("region", { name: "相关信息" });
    const links = related.getByRole("link");
    expect(await links.count()).toBeGreaterThanOrEqual(2);
    expect(await links.count()).toBeLessThanOrEqual(5);
    await expect(links.filter({ hasText: "见行见效" })).toHaveCount(0);
  });

  test("the font switch changes the body size and is remembered", async ({ page }) => {
    await page.goto(REFERENCE.path);
    const paragraph = page.locator(".article-body p").first();
    const size = () => paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    const medium = await size();
    await page.getByRole("button", { name: "正文字号：大" }).click();
    await expect(page.getByRole("button", { name: "正文字号：大" })).toHaveAttribute("aria-pressed", "true");
    await expect.poll(size).toBeGreaterThan(medium);
    const large = await size();
    await page.reload();
    await expect(page.getByRole("button", { name: "正文字号：大" })).toHaveAttribute("aria-pressed", "true");
    await expect.poll(size).toBe(large);
    await page.getByRole("button", { name: "正文字号：小" }).click();
    await expect.poll(size).toBeLessThan(medium);
    expect(await size()).toBeGreaterThanOrEqual(16);
    await page.getByRole("button", { name: "正文字号：中" }).click();
    await expect.poll(size).toBe(medium);
  });

  test("打印 prints only the site name, the article and the address with its QR code and the print date", async ({ page }) => {
    await page.goto(REFERENCE.path);
    let printed = false;
    await page.exposeFunction("__printed", () => (printed = true));
    await page.evaluate(() => (window.print = () => (window as unknown as { __printed: () => void }).__printed()));
    await page.getByRole("button", { name: "打印" }).click();
    await expect.poll(() => printed).toBe(true);

    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("print-date")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // Every picture is loaded before the PDF is made (lazy ones too).
    await expect.poll(() => page.locator(".article-body img").evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
    const pdf = await page.pdf({ format: "A4" });
    const text = compact(await pdfText(pdf));
    for (const expected of ["乌海市人民政府", REFERENCE.title, `公开日期:${REFERENCE.date}`, "作者:市政府办公室", "来源:乌海新闻", REFERENCE.firstSentence, REFERENCE.lastSentence, "擦亮生态底色", "本页网址:http://127.0.0.1", "/articles/1", "打印日期:"]) {
      expect(text, expected).toContain(compact(expected));
    }
    for (const absent of ["当前位置", "网站地图", "设为首页", "加入收藏", "政府网站标识码", "网站维护电话", "通知公告", "政务公开", "上一条", "下一条", "相关信息", "字号", "关闭", "保存", "搜索", "长者模式"]) {
      expect(text, absent).not.toContain(compact(absent));
    }
    // The pictures are in the PDF, plus the QR code drawn as vector paths.
    expect((pdf.toString("latin1").match(/\/Subtype\s*\/Image/g) ?? []).length).toBeGreaterThanOrEqual(12);
    await expect(page.locator(".print-qr svg")).toBeVisible();
  });

  test("保存 downloads one self-contained HTML file that reads offline with its pictures", async ({ page, browser }, testInfo) => {
    await page.goto(REFERENCE.path);
    await page.getByText("保存", { exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "网页文件（.html）" }).click()]);
    expect(download.suggestedFilename()).toBe("【媒体解读】【五大任务】乌海 笃行实干 奋勇争先 全力推动“五大任务”见行见效.html");
    const file = testInfo.outputPath("article.html");
    await download.saveAs(file);

    const offline = await browser.newContext({ offline: true });
    const reader = await offline.newPage();
    const requests: string[] = [];
    reader.on("request", (r) => {
      if (!/^(file|data):/.test(r.url())) requests.push(r.url());
    });
    await reader.goto(`file://${file}`);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(REFERENCE.title);
    await expect(reader.locator(".meta")).toContainText(`公开日期：${REFERENCE.date}`);
    const images = reader.locator("img");
    await expect(images).toHaveCount(13);
    await expect.poll(() => images.evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
    expect(requests).toEqual([]);
    expect(fs.readFileSync(file, "utf8")).not.toMatch(/<script/i);
    await offline.close();
  });

  test("保存 downloads a Word document with the title, metadata and every heading", async ({ page }) => {
    await page.goto(REFERENCE.path);
    const headings = await bodyHeadings(page);
    await page.getByText("保存", { exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Word 文档（.docx）" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^【媒体解读】【五大任务】乌海 笃行实干.*\.docx$/);
    const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain(REFERENCE.title);
    expect(text).toContain(`公开日期：${REFERENCE.date}`);
    expect(headings.length).toBe(5);
    for (const heading of headings) expect(text).toContain(heading);
    expect(text).toContain(REFERENCE.lastSentence);
    expect(Object.keys(zip.files).filter((f) => /^word\/media\/.+/.test(f))).toHaveLength(13);
  });

  test("the download endpoint validates its query", async ({ request }) => {
    expect((await request.get("/articles/1/download?format=pdf")).status()).toBe(400);
    expect((await request.get("/articles/1/download")).status()).toBe(400);
    expect((await request.get("/articles/999999/download?format=html")).status()).toBe(404);
    const ok = await request.get("/articles/1/download?format=docx");
    expect(ok.headers()["content-disposition"]).toMatch(/^attachment; filename="article-1\.docx"; filename\*=UTF-8''/);
  });

  test("关闭 closes a window a script opened", async ({ page }) => {
    await page.goto("/");
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.evaluate(() => window.open("/articles/1", "_blank"))]);
    await expect(popup.getByRole("heading", { level: 1 })).toHaveText(REFERENCE.title);
    await Promise.all([popup.waitForEvent("close"), popup.getByRole("button", { name: "关闭" }).click()]);
    expect(popup.isClosed()).toBe(true);
  });

  test("关闭 goes back to the column when the window cannot be closed", async ({ page }) => {
    // A tab with history behind it, which the reader opened: browsers refuse to let a script close it.
    await page.goto("/");
    await page.goto(REFERENCE.path);
    await page.getByRole("button", { name: "关闭" }).click();
    await expect(page).toHaveURL(new RegExp(`${REFERENCE.columnPath}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(REFERENCE.columnName);
  });

  test("shows the 政务公开 catalogue table on disclosure articles", async ({ page }) => {
    await page.goto("/columns/government-documents");
    await page.locator(".column-main .article-list a").first().click();
    const table = page.getByRole("table", { name: "信息公开目录" });
    await expect(table).toBeVisible();
    for (const label of ["索引号", "主题分类", "发布机构", "成文日期", "发文字号", "公开日期"]) {
      await expect(table.getByRole("rowheader", { name: label })).toBeVisible();
    }
    await expect(table).toContainText(/\d{4}-\d{2}-\d{2}/);
  });

  test("unknown and malformed article addresses answer 404 with the site's page", async ({ page }) => {
    for (const path of ["/articles/999999", "/articles/abc", "/articles/01"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
    }
  });
});

test.describe("浏览次数", () => {
  test("rises by one per view, not on link prefetches and not for crawlers", async ({ page, request }) => {
    const first = await viewArticle(page, REFERENCE.path);
    expect(await viewArticle(page, REFERENCE.path)).toBe(first + 1);

    // A browser prefetch of the page (a link hint here, or on another site) fetches its HTML and runs nothing: not a view.
    await page.goto("/");
    const prefetched = page.waitForResponse((r) => new URL(r.url()).pathname === REFERENCE.path);
    await page.evaluate((href) => {
      const hint = document.createElement("link");
      hint.rel = "prefetch";
      hint.href = href;
      document.head.append(hint);
    }, REFERENCE.path);
    await prefetched;
    await page.waitForTimeout(500);

    // Crawlers get the count without adding to it.
    const crawler = await request.post("/api/views", { data: { id: 1 }, headers: { "user-agent": "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)" } });
    expect(await crawler.json()).toEqual({ count: first + 1, counted: false });
    const prefetch = await request.post("/api/views", { data: { id: 1 }, headers: { "sec-purpose": "prefetch" } });
    expect((await prefetch.json()).counted).toBe(false);

    expect(await viewArticle(page, REFERENCE.path)).toBe(first + 2);
  });

  test("the beacon accepts only POST with a valid id of a public article", async ({ request }) => {
    expect((await request.get("/api/views")).status()).toBe(405);
    expect((await request.post("/api/views", { data: { id: "1" } })).status()).toBe(400);
    expect((await request.post("/api/views", { data: "not json" })).status()).toBe(400);
    expect((await request.post("/api/views", { data: { id: 999999 } })).status()).toBe(404);
  });
});

test("the article page loads well under 100 KB of JavaScript", async ({ page, request }) => {
  await page.goto(REFERENCE.path);
  const sources = await page.locator("script[src]").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).src));
  expect(sources.length).toBeGreaterThan(0);
  let gzipped = 0;
  for (const src of sources) gzipped += gzipSync(await (await request.get(src)).body(), { level: 9 }).length;
  expect(gzipped).toBeLessThan(100 * 1024);
});
