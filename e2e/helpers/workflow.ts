import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import type { AccountName } from "./accounts";
import { loginAs } from "./login";

/** A page of its own (a separate browser context) logged in as `who`, opened at `path`. */
export async function as(browser: Browser, who: AccountName, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, who, path);
  return page;
}

/** Opens a workflow action's comment form and returns its field (the buttons answer once the panel has hydrated). */
export async function openActionForm(page: Page, action: string): Promise<Locator> {
  await page.getByRole("button", { name: action, exact: true }).click();
  return page.getByRole("textbox", { name: /意见|原因|说明/ });
}

/** Clicks a workflow action in the panel, fills its comment when given, and confirms it when the panel asks. */
export async function act(page: Page, action: string, text?: string) {
  if (text === undefined) await page.getByRole("button", { name: action, exact: true }).click();
  else await (await openActionForm(page, action)).fill(text);
  const confirm = page.getByRole("button", { name: `确认${action}` });
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
}

/** The workflow panel's status line. */
export const workflowStatus = (page: Page) => page.getByTestId("workflow-status");

/**
 * The shortest way to the public site: the editor (on the article's page) submits, the
 * reviewer approves level 1 and publishes at once. Returns the reviewer's page.
 */
export async function submitApprovePublish(browser: Browser, editor: Page, articleId: number): Promise<Page> {
  await act(editor, "提交审核", "请审核");
  await expect(workflowStatus(editor)).toHaveText("审核中");
  const reviewer = await as(browser, "reviewer", `/admin/articles/${articleId}`);
  await act(reviewer, "审核通过", "同意");
  await expect(workflowStatus(reviewer)).toHaveText("已审核");
  await act(reviewer, "立即发布");
  await expect(workflowStatus(reviewer)).toHaveText("已发布");
  return reviewer;
}
