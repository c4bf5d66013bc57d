import { expect, test, type Page } from "@playwright/test";
import { body, expectSaved } from "./authoring-helpers";
import { accounts } from "./helpers/accounts";

/**
 * Writing an article with the keyboard alone (issue 23): no click anywhere. At each step
 * the focus is where it should be and can be seen (an outline, or a box shadow).
 */

/** What has the focus: enough to recognise it, and whether a focus indicator is drawn. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: "body", name: "", id: "", role: "", inToolbar: false, inDialog: "", tabIndex: -1, ring: false };
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : "";
    return {
      tag: el.tagName.toLowerCase(),
      name: el.getAttribute("aria-label") || labelled || el.closest("label")?.textContent?.trim() || el.getAttribute("name") || el.textContent?.trim().slice(0, 20) || "",
      id: el.id,
      role: el.getAttribute("role") ?? "",
      inToolbar: !!el.closest('[role="toolbar"]'),
      inDialog: el.closest("dialog[open]")?.getAttribute("data-testid") ?? "",
      tabIndex: el.tabIndex,
      ring,
    };
  });
}

type Focused = Awaited<ReturnType<typeof focused>>;

/** Presses Tab (or Shift+Tab) until `want` holds for the focused element, at most `max` times. */
async function tabTo(page: Page, want: (f: Focused) => boolean, { back = false, max = 25 } = {}): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const f = await focused(page);
    if (want(f)) return f;
  }
  throw new Error(`focus never reached the element after ${max} × ${back ? "Shift+Tab" : "Tab"}: now on ${JSON.stringify(await focused(page))}`);
}

async function expectFocus(page: Page, want: (f: Focused) => boolean, what: string) {
  await expect.poll(async () => want(await focused(page)), { message: `focus on ${what}` }).toBe(true);
  const f = await focused(page);
  expect(f.ring, `a visible focus indicator on ${what}: ${JSON.stringify(f)}`).toBe(true);
  return f;
}

const isEditor = (f: Focused) => f.role === "textbox" && f.name === "正文";
const isTool = (name: string) => (f: Focused) => f.inToolbar && f.name === name;

test("an editor writes, formats, links and saves an article without the mouse", async ({ page }) => {
  // Log in: type into the fields, Enter.
  const { email, password } = accounts.editor;
  await page.goto(`/admin/login?callbackUrl=${encodeURIComponent("/admin/articles")}`);
  await tabTo(page, (f) => f.tag === "input" && f.name.includes("邮箱"));
  await expectFocus(page, (f) => f.tag === "input", "the e-mail field");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expectFocus(page, (f) => f.name.includes("密码"), "the password field");
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/articles$/);

  await page.goto("/admin/articles/new");
  const toolbar = page.getByRole("toolbar", { name: "正文格式" });
  await expect(toolbar).toBeVisible();
  // One tab stop for the whole toolbar.
  await expect(toolbar.locator('[tabindex="0"]')).toHaveCount(1);

  // The title.
  await tabTo(page, (f) => f.id === "article-title");
  await expectFocus(page, (f) => f.id === "article-title", "the title");
  await page.keyboard.type("春耕生产工作现场推进会召开");

  // Into the text: the toolbar is passed in one step.
  await tabTo(page, isEditor, { max: 8 });
  await expectFocus(page, isEditor, "the text");
  await expect(body(page)).toHaveAttribute("aria-multiline", "true");
  await page.keyboard.type("一、主要做法");

  // Back to the toolbar: its tab stop is the block style; Down makes the paragraph a heading,
  // and the focus stays on the select for the next Down.
  await page.keyboard.press("Shift+Tab");
  await expectFocus(page, isTool("段落样式"), "the block style select");
  await page.keyboard.press("ArrowDown");
  await expect(toolbar.getByLabel("段落样式")).toHaveValue("h2");
  await expectFocus(page, isTool("段落样式"), "the block style select, after choosing");
  await expect(body(page).getByRole("heading", { level: 2, name: "一、主要做法" })).toBeVisible();

  // Tab leaves the toolbar for the text, where the cursor was.
  await page.keyboard.press("Tab");
  await expectFocus(page, isEditor, "the text, from the toolbar");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("会议要求");
  await page.keyboard.press("Control+b");
  await page.keyboard.type("不误农时");
  await page.keyboard.press("Control+b");
  await page.keyboard.type("抓好春耕。");
  await expect(body(page).locator("strong")).toHaveText("不误农时");

  // The arrow keys move through the toolbar; only the focused item is in the tab order.
  await page.keyboard.press("Shift+Tab");
  await expectFocus(page, isTool("段落样式"), "the toolbar's tab stop");
  await page.keyboard.press("ArrowRight");
  await expectFocus(page, isTool("加粗"), "the bold button");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expectFocus(page, (f) => f.inToolbar && /全屏/.test(f.name), "the last item (wrapping)");
  await page.keyboard.press("Home");
  await expectFocus(page, isTool("段落样式"), "the first item (Home)");
  const quote = toolbar.getByRole("button", { name: "引用" });
  await expect(quote).toHaveAttribute("aria-pressed", "false");
  for (let i = 0; i < 20 && !isTool("引用")(await focused(page)); i++) await page.keyboard.press("ArrowRight");
  const onQuote = await expectFocus(page, isTool("引用"), "the quote button");
  expect(onQuote.tabIndex).toBe(0);
  await expect(toolbar.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press("Space");
  await expect(quote).toHaveAttribute("aria-pressed", "true");
  await expect(body(page).locator("blockquote")).toContainText("会议要求不误农时抓好春耕。");
  // A formatting button sends the keyboard back to the text.
  await expectFocus(page, isEditor, "the text, after the quote button");

  // The toolbar remembers its item: Shift+Tab comes back to the quote button.
  await page.keyboard.press("Shift+Tab");
  await expectFocus(page, isTool("引用"), "the quote button again");
  await page.keyboard.press("ArrowRight");
  await expectFocus(page, isTool("链接"), "the link button");

  // The link dialog: focus goes in, stays in, Escape closes it and the focus comes back.
  await page.keyboard.press("Enter");
  const dialog = page.getByTestId("link-dialog");
  await expect(dialog).toBeVisible();
  await expect(page.getByRole("dialog", { name: "插入链接" })).toBeVisible();
  await expectFocus(page, (f) => f.inDialog === "link-dialog" && f.tag === "input", "the link address");
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    await expectFocus(page, (f) => f.inDialog === "link-dialog", `an element of the dialog (Tab ${i + 1})`);
  }
  await page.keyboard.press("Shift+Tab");
  await expectFocus(page, (f) => f.inDialog === "link-dialog", "an element of the dialog (Shift+Tab)");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expectFocus(page, isTool("链接"), "the link button, after Escape");

  // Again, this time for real: Enter inserts the link and the writing goes on in the text.
  await page.keyboard.press("Enter");
  await expectFocus(page, (f) => f.inDialog === "link-dialog" && f.tag === "input", "the link address");
  await page.keyboard.type("https://www.gov.cn/zhengce/");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(body(page).locator('a[href="https://www.gov.cn/zhengce/"]')).toBeVisible();
  await expectFocus(page, isEditor, "the text, after inserting the link");

  // The column, in the side panel after the text: Down picks the first one.
  const column = await tabTo(page, (f) => f.tag === "select" && f.name.includes("栏目"), { max: 40 });
  expect(column.ring).toBe(true);
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("栏目")).not.toHaveValue("");

  // Ctrl+S saves from anywhere; the status line says so, and its live region announces it.
  await page.keyboard.press("Control+s");
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  await expectSaved(page);
  await expect(page.getByTestId("save-status-live").first()).toHaveText(/^已保存 /);
  await expect(page.getByRole("status").filter({ hasText: /^已保存 / }).first()).toBeAttached();

  // After the reload: it is all there.
  await page.reload();
  await expect(body(page).getByRole("heading", { level: 2, name: "一、主要做法" })).toBeVisible();
  await expect(body(page).locator("blockquote strong")).toHaveText("不误农时");
  await expect(body(page).locator('a[href="https://www.gov.cn/zhengce/"]')).toBeVisible();
});
