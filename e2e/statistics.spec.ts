import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers/login";

/**
 * 统计分析: a reader's views reach the article's chart (read from the table under it
 * and from the keyboard), the same numbers download as CSV; the 年度报表 of the demo
 * year is exported as XLSX and read back, each figure leads to what it counts, and the
 * report becomes a draft article. An editor has no 年度报表.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });

const READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
/** Today in Beijing, as the per-day rows count it. */
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

async function articleViewsToday(page: Page): Promise<number> {
  await page.goto("/admin/statistics?article=1&bucket=day");
  const section = page.getByTestId("stats-section-article");
  await section.getByText("查看数据表").click();
  const row = section.getByRole("row", { name: new RegExp(`^${today()}`) });
  return Number(await row.getByRole("cell").last().textContent());
}

test("an admin reads an article's views from the table under its chart, after three readers", async ({ page }) => {
  await loginAs(page, "admin", "/admin");
  await page.getByRole("navigation", { name: "管理导航" }).getByRole("link", { name: "统计分析" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "统计分析" })).toBeVisible();
  const before = await articleViewsToday(page);

  for (let i = 0; i < 3; i++) {
    const answer = await page.request.post("/api/views", { data: { id: 1 }, headers: { "user-agent": READER, "sec-fetch-site": "same-origin" } });
    expect(await answer.json()).toMatchObject({ counted: true });
  }
  expect(await articleViewsToday(page)).toBe(before + 3);

  // The chart itself: a named, focusable region; the arrow keys announce its points.
  const chart = page.getByRole("img", { name: /文章浏览量/ });
  await expect(chart.locator("svg")).toBeVisible();
  await chart.focus();
  await page.keyboard.press("End");
  await expect(page.locator("[aria-live=polite]").filter({ hasText: today() })).toHaveText(`${today()}：${before + 3}`);

  // The same numbers as CSV, with the BOM Excel needs.
  const section = page.getByTestId("stats-section-article");
  const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: /下载 CSV/ }).click()]);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  expect(text.startsWith("\uFEFF时间段,浏览量\r\n")).toBe(true);
  expect(text).toContain(`${today()},${before + 3}\r\n`);
});

test("an admin exports the 年度报表 of the demo year and reads it back; each figure lists what it counts", async ({ page }) => {
  await loginAs(page, "admin", "/admin/statistics");
  await page.getByRole("link", { name: "政府网站工作年度报表" }).click();
  await page.getByLabel("年度", { exact: true }).selectOption("2023");
  await page.getByRole("button", { name: "统计" }).click();
  await expect(page).toHaveURL(/year=2023/);
  const report = page.getByTestId("annual-report");
  const totalLink = report.getByRole("row", { name: /^信息发布 总数/ }).getByRole("link");
  const total = Number((await totalLink.textContent())?.replace(/\D/g, ""));
  expect(total).toBeGreaterThan(0);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel" }).click()]);
  expect(download.suggestedFilename()).toBe("annual-report-2023.xlsx");
  const workbook = new ExcelJS.Workbook();
  const chunks = await (await download.createReadStream()).toArray();
  const file = Buffer.concat(chunks);
  await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  expect(sheet.getRow(1).values).toEqual([undefined, "板块", "指标", "数值", "单位", "统计口径"]);
  const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
  expect(rows.find((r) => r[1] === "信息发布" && r[2] === "总数")?.[3]).toBe(total);
  expect(rows.some((r) => r[1] === "专栏专题" && r[2] === "新开设数量")).toBe(true);
  expect(rows.some((r) => r[1] === "解读回应" && r[2] === "解读信息发布总数")).toBe(true);

  await totalLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2023 年度报表明细");
  await expect(page.getByTestId("annual-items").getByRole("row")).toHaveCount(Math.min(total, 100) + 1);
  await page.getByRole("link", { name: "返回年度报表" }).click();

  await page.getByLabel("放入栏目").selectOption({ label: "乌海要闻" });
  await page.getByRole("button", { name: "生成草稿" }).click();
  await page.getByTestId("annual-draft-created").getByRole("link", { name: "打开编辑" }).click();
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue(/2023年政府网站工作年度报表$/);
});

test("an editor sees the statistics of their columns, and no 年度报表", async ({ page }) => {
  await loginAs(page, "editor", "/admin/statistics");
  await expect(page.getByRole("heading", { level: 1, name: "统计分析" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "所属栏目浏览量" })).toBeVisible();
  await expect(page.getByRole("link", { name: "政府网站工作年度报表" })).toHaveCount(0);
  await page.goto("/admin/statistics/annual-report");
  await expect(page).toHaveURL(/\/admin\?denied=1/);
  expect((await page.request.get("/admin/statistics/annual-report/export?year=2023")).status()).toBe(403);
});
