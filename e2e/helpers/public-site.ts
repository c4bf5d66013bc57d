import { expect, type Page } from "@playwright/test";

/** The reference article (../shared/seed-article.txt), as the seed publishes it at /articles/1. */
export const REFERENCE = {
  path: "/articles/1",
  title: "【媒体解读】【五大任务】乌海:笃行实干 奋勇争先 全力推动“五大任务”见行见效",
  date: "2023-07-30 18:04:25",
  columnName: "媒体解读",
  columnPath: "/columns/media-interpretation",
  firstSentence: "把内蒙古建设成为我国北方重要生态安全屏障",
  lastSentence: "用实际行动书写中国式现代化乌海新篇章",
} as const;

/** Opens an article and returns the view count its beacon answered (and the page then shows). */
export async function viewArticle(page: Page, path: string): Promise<number> {
  const beacon = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/views" && r.request().method() === "POST");
  await page.goto(path);
  const response = await beacon;
  expect(response.status()).toBe(200);
  const { count, counted } = (await response.json()) as { count: number; counted: boolean };
  expect(counted).toBe(true);
  await expect(page.getByTestId("view-count")).toHaveText(String(count));
  return count;
}

/** The texts of the article body's headings, in order. */
export async function bodyHeadings(page: Page): Promise<string[]> {
  return page.locator(".article-body :is(h2, h3, h4)").allTextContents();
}
