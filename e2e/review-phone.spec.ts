import { expect, test, type Page } from "@playwright/test";
import { body, expectSaved, newArticle } from "./authoring-helpers";
import { loginAs } from "./helpers/login";
import { act, as, submitApprovePublish, workflowStatus } from "./helpers/workflow";

/**
 * Review on a phone (issue 23): leaders approve on their phones. At 390 × 844 with touch, a
 * reviewer opens 工作台, reads an article in review as it will look when published and what
 * changed since its published version, and approves it; a second one goes back to its
 * author with a comment. No screen scrolls sideways.
 */
test.setTimeout(3 * 60_000);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN", timezoneId: "Asia/Shanghai" };

/** The page fits the phone's width: nothing to scroll sideways to. */
async function fitsTheScreen(page: Page, screen: string) {
  // "load", not "networkidle": the previewed page in its frame keeps a request open.
  await page.waitForLoadState("load");
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${screen} scrolls sideways (scrollWidth ${scrollWidth}, innerWidth ${innerWidth})`).toBeLessThanOrEqual(innerWidth);
  expect(innerWidth, `${screen}: the page was zoomed out to fit something wide`).toBe(390);
}

/** The review panel, below the editor: its link at the top of the page gets there. */
async function toReviewPanel(page: Page) {
  await page.getByRole("link", { name: "审核与发布", exact: true }).tap();
  await expect(page.getByRole("heading", { name: "审核与发布", level: 2 })).toBeFocused();
  await expect(page.getByRole("heading", { name: "审核与发布", level: 2 })).toBeInViewport();
}

test("a reviewer on a phone reads an article as published and its changes, approves it, and returns another with a comment", async ({ browser }) => {
  const stamp = Date.now() % 1_000_000;
  const changed = `关于调整公交线路的通告${stamp}`;
  const fresh = `关于开展安全检查的通知${stamp}`;
  const addition = "补充：自下月起首班车提前至六时。";

  // The editor, at a desk: one article published and then changed and resubmitted, one new.
  const editor = await as(browser, "editor", "/admin/articles");
  // A column with one review level: the reviewer's approval is the last one.
  const changedId = await newArticle(editor, changed, "原有线路调整如下。", "乌海要闻");
  await (await submitApprovePublish(browser, editor, changedId)).context().close();
  await editor.goto(`/admin/articles/${changedId}`);
  await body(editor).click();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.type(addition);
  await editor.keyboard.press("Control+s");
  await expectSaved(editor);
  await editor.reload();
  await act(editor, "提交审核", "请审核修改");
  await expect(workflowStatus(editor)).toHaveText("审核中");
  const freshId = await newArticle(editor, fresh, "各单位开展安全检查。", "乌海要闻");
  await editor.reload();
  await act(editor, "提交审核", "请审核");
  await expect(workflowStatus(editor)).toHaveText("审核中");
  await editor.context().close();

  const phone = await (await browser.newContext(PHONE)).newPage();
  await loginAs(phone, "reviewer", "/admin");
  await fitsTheScreen(phone, "工作台");
  const waiting = phone.getByRole("region", { name: /等待我审核/ });
  await waiting.getByRole("link", { name: changed }).tap();
  await expect(phone).toHaveURL(new RegExp(`/admin/articles/${changedId}$`));
  await fitsTheScreen(phone, "the article in review");

  // As it will look when published: the public page, in the frame, at the phone's width.
  await toReviewPanel(phone);
  const reviewLinks = phone.getByRole("list", { name: "审阅稿件" });
  await reviewLinks.getByRole("link", { name: "预览发布效果" }).tap();
  await expect(phone).toHaveURL(new RegExp(`/admin/articles/${changedId}/preview$`));
  const frame = phone.frameLocator('iframe[title="文章预览"]');
  await expect(frame.getByRole("heading", { level: 1 })).toContainText(changed);
  await expect(frame.locator("body")).toContainText(addition);
  await fitsTheScreen(phone, "the preview");
  const inFrame = phone.frames().find((f) => f.url().includes(`/preview/articles/${changedId}`))!;
  const framed = await inFrame.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(framed.scrollWidth, "the previewed page scrolls sideways in its frame").toBeLessThanOrEqual(framed.innerWidth);

  // What changed since the published version.
  await phone.getByRole("link", { name: "返回编辑" }).tap();
  await toReviewPanel(phone);
  await reviewLinks.getByRole("link", { name: "查看自上次发布以来的改动" }).tap();
  await expect(phone).toHaveURL(new RegExp(`/admin/articles/${changedId}/revisions\\?from=\\d+&to=\\d+$`));
  const diff = phone.getByRole("region", { name: /第 \d+ 版 → 第 \d+ 版/ });
  await expect(diff.getByTestId("diff-view")).toContainText(addition);
  await expect(diff.locator("ins").first()).toBeVisible();
  await fitsTheScreen(phone, "the changes since the published version");

  // Approve, with a comment; the outcome is said.
  await phone.getByRole("link", { name: "返回编辑" }).tap();
  await toReviewPanel(phone);
  await phone.getByRole("button", { name: "审核通过", exact: true }).tap();
  await phone.getByRole("textbox", { name: /审核意见/ }).fill("同意，按时发布");
  await fitsTheScreen(phone, "the approval form");
  await phone.getByRole("button", { name: "确认审核通过" }).tap();
  await expect(phone.getByRole("status").filter({ hasText: "审核通过：已完成" })).toBeVisible();
  await expect(workflowStatus(phone)).toHaveText("已审核");
  await fitsTheScreen(phone, "the approved article");

  // The second article goes back to its author: the comment is required.
  await phone.getByRole("navigation", { name: "管理导航" }).getByRole("link", { name: "工作台" }).tap();
  await expect(phone).toHaveURL(/\/admin$/);
  await phone.getByRole("region", { name: /等待我审核/ }).getByRole("link", { name: fresh }).tap();
  await expect(phone).toHaveURL(new RegExp(`/admin/articles/${freshId}$`));
  await toReviewPanel(phone);
  await phone.getByRole("button", { name: "退回修改", exact: true }).tap();
  const comment = phone.getByRole("textbox", { name: /退回意见/ });
  await expect(comment).toBeFocused();
  await phone.getByRole("button", { name: "确认退回修改" }).tap();
  // Not sent without a comment: the field says it is missing.
  expect(await comment.evaluate((el: HTMLTextAreaElement) => el.validity.valueMissing)).toBe(true);
  await expect(workflowStatus(phone)).toHaveText("审核中");
  await comment.fill("请注明检查范围和时间");
  await fitsTheScreen(phone, "the return form");
  await phone.getByRole("button", { name: "确认退回修改" }).tap();
  await expect(phone.getByRole("status").filter({ hasText: "退回修改：已完成" })).toBeVisible();
  await expect(workflowStatus(phone)).toHaveText("草稿");
  await expect(phone.locator(".workflow-history")).toContainText("请注明检查范围和时间");
  await fitsTheScreen(phone, "the returned article");
  await phone.context().close();
});
