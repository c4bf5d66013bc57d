import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { newArticle } from "./authoring-helpers";
import { accounts } from "./helpers/accounts";
import { compact, pdfText } from "./helpers/public-pdf";
import { act, as, workflowStatus as status } from "./helpers/workflow";

/**
 * Nobody has to keep checking the dashboard: staff land on 工作台 after login; an editor
 * submits into a two-level column; each reviewer learns from the unread count in the
 * header that the article waits for them, opens it from the message and approves; the
 * editor reads that it was approved and published. The 审签单 shows both levels, and its
 * PDF, downloaded and read back, names the title, the reviewers and the content hash.
 */
test.setTimeout(5 * 60_000);

const unread = (page: import("@playwright/test").Page) => page.getByRole("link", { name: /^站内消息，/ });

test("messages lead each person to the article, and the 审签单 prints what was approved", async ({ browser }) => {
  // Login without a page to return to: 工作台.
  const landing = await (await browser.newContext()).newPage();
  await landing.goto("/admin/login");
  await landing.getByLabel("邮箱").fill(accounts.editor.email);
  await landing.getByLabel("密码").fill(accounts.editor.password);
  await landing.getByRole("button", { name: "登录" }).click();
  await expect(landing).toHaveURL(/\/admin$/);
  await expect(landing.getByRole("heading", { name: "工作台", level: 1 })).toBeVisible();
  await landing.context().close();

  const title = `关于做好岁末年初安全生产工作的通知${Date.now() % 100000}`;
  // (A landing page whose path the login URL does not contain: loginAs waits for it.)
  const editor = await as(browser, "editor", "/admin/articles");
  const id = await newArticle(editor, title, "各区、各有关单位：现将岁末年初安全生产有关事项通知如下。", "通知公告");
  await editor.reload();
  await act(editor, "提交审核", "请审核");
  await expect(status(editor)).toHaveText("审核中");

  // Level 1: the reviewer sees the count in the header, reads the message, follows it.
  const reviewer = await as(browser, "reviewer", "/admin/articles");
  await expect(unread(reviewer)).toHaveAccessibleName(/^站内消息，[1-9]\d* 条未读$/);
  await unread(reviewer).click();
  await expect(reviewer).toHaveURL(/\/admin\/messages$/);
  const waiting = reviewer.getByTestId("message").filter({ hasText: title });
  await expect(waiting).toContainText("等待您审核（第 1 级，共 2 级）");
  await waiting.getByRole("link", { name: "查看文章" }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/admin/articles/${id}$`));
  await act(reviewer, "审核通过", "一审同意");
  await expect(reviewer.getByText(/待二审/)).toBeVisible();
  // Following the message marked it read.
  await reviewer.goto("/admin/messages");
  await expect(reviewer.getByTestId("message").filter({ hasText: title })).toHaveClass(/is-read/);

  // Level 2: the second reviewer is told, approves and publishes.
  const reviewer2 = await as(browser, "reviewer2", "/admin/messages");
  // (They were told of level 1 too: any reviewer of the column could have taken it.)
  await expect(reviewer2.getByTestId("message").filter({ hasText: title }).filter({ hasText: "等待您审核（第 2 级，共 2 级）" })).toHaveCount(1);
  await reviewer2.goto(`/admin/articles/${id}`);
  await act(reviewer2, "审核通过", "同意发布");
  await expect(status(reviewer2)).toHaveText("已审核");
  await act(reviewer2, "立即发布");
  await expect(status(reviewer2)).toHaveText("已发布");

  // The editor reads that it was approved and published, and marks everything read.
  await editor.goto("/admin");
  await expect(unread(editor)).toHaveAccessibleName(/^站内消息，[1-9]\d* 条未读$/);
  await editor.goto("/admin/messages");
  const mine = editor.getByTestId("message").filter({ hasText: title });
  // The outbox writes the messages after the action commits: on a busy machine the last
  // one may come after the page was drawn, as a reader would see after a reload.
  await expect(async () => {
    await editor.reload();
    await expect(mine.filter({ hasText: "已通过全部 2 级审核" })).toHaveCount(1, { timeout: 2_000 });
    await expect(mine.filter({ hasText: "已发布" })).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await editor.getByRole("button", { name: "全部标为已读" }).click();
  await expect(editor.getByTestId("messages-status-status")).toContainText("标为已读");
  await expect(unread(editor)).toHaveAccessibleName("站内消息，没有未读消息");

  // The 审签单: both levels with reviewer, decision and comment; then its PDF.
  await editor.goto(`/admin/articles/${id}`);
  await editor.getByRole("link", { name: "审签单（打印 / PDF）" }).click();
  await expect(editor).toHaveURL(new RegExp(`/admin/articles/${id}/approval-form$`));
  const form = editor.getByTestId("approval-form");
  await expect(form.getByRole("heading", { name: "发稿审签单" })).toBeVisible();
  await expect(form).toContainText(title);
  const levels = editor.getByTestId("approval-level");
  await expect(levels).toHaveCount(2);
  await expect(levels.nth(0)).toContainText("同意：一审同意");
  await expect(levels.nth(1)).toContainText("同意：同意发布");
  const reviewerName = (await levels.nth(0).locator("td").first().innerText()).trim();
  const reviewer2Name = (await levels.nth(1).locator("td").first().innerText()).trim();
  expect(reviewerName).not.toBe("—");
  const hash = (await form.locator(".approval-hash").innerText()).replace(/\s+/g, "");
  expect(hash).toMatch(/^[0-9a-f]{64}$/);

  const [download] = await Promise.all([editor.waitForEvent("download"), editor.getByRole("link", { name: "下载 PDF" }).click()]);
  const text = compact(await pdfText(fs.readFileSync(await download.path())));
  expect(text).toContain("发稿审签单");
  expect(text).toContain(compact(title));
  expect(text).toContain(compact(reviewerName));
  expect(text).toContain(compact(reviewer2Name));
  expect(text).toContain(hash);
});
