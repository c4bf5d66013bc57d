import { expect, type Page } from "@playwright/test";

/** The article body editor (the ProseMirror element). */
export const body = (page: Page) => page.getByRole("textbox", { name: "正文" });

export const saveStatus = (page: Page) => page.getByTestId("save-status").first();

/** Waits until the editor reports a successful save. */
export async function expectSaved(page: Page) {
  await expect(saveStatus(page)).toHaveText(/^已保存 \d{2}:\d{2}:\d{2}$/, { timeout: 20_000 });
}

/** Starts a new article with a title in the first column (or the one named), saves it, and returns its id. */
export async function newArticle(page: Page, title: string, text = "第一段正文。", columnName?: string): Promise<number> {
  await page.goto("/admin/articles/new");
  await page.getByLabel("标题", { exact: true }).fill(title);
  const column = page.getByLabel("栏目");
  await column.selectOption(columnName ? { label: columnName } : { index: 1 });
  await body(page).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Control+s");
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  await expectSaved(page);
  return Number(/\/admin\/articles\/(\d+)$/.exec(page.url())![1]);
}

/** Pastes HTML into the editor the way the browser delivers a paste from another program. */
export async function pasteHtml(page: Page, html: string, text = "") {
  await body(page).evaluate(
    (el, data) => {
      const transfer = new DataTransfer();
      transfer.setData("text/html", data.html);
      transfer.setData("text/plain", data.text);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}
