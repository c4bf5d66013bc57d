import { expect, test, type Page } from "@playwright/test";
import { body, expectSaved } from "./authoring-helpers";
import { accounts, type AccountName } from "./helpers/accounts";
import { workflowStatus } from "./helpers/workflow";

/**
 * Writing and reviewing an article with the keyboard alone (issue 23): no click anywhere,
 * only page.keyboard after the first address. At each step the focus is where it should be
 * and can be seen (an outline, or a box shadow); what a screen reader hears is asserted
 * through roles and names.
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
const isNamed = (name: string) => (f: Focused) => f.name === name;

/** Logs in by typing into the form; lands on `callbackUrl`. */
async function logInByKeyboard(page: Page, who: AccountName, callbackUrl: string) {
  const { email, password } = accounts[who];
  await page.goto(`/admin/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await tabTo(page, (f) => f.tag === "input" && f.name.includes("邮箱"));
  await expectFocus(page, (f) => f.tag === "input", "the e-mail field");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expectFocus(page, (f) => f.name.includes("密码"), "the password field");
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${callbackUrl}$`));
}

test.setTimeout(3 * 60_000);

test("an editor writes, formats, illustrates and submits an article without the mouse, and a reviewer approves it the same way", async ({ page, browser }) => {
  // Short enough to be the focused link's whole name on 工作台 (focused() reads 20 characters).
  const title = `春耕现场推进会${Date.now() % 1_000_000}`;
  await logInByKeyboard(page, "editor", "/admin/articles/new");

  const toolbar = page.getByRole("toolbar", { name: "正文格式" });
  await expect(toolbar).toBeVisible();
  // One tab stop for the whole toolbar; the block styles are a named group of toggle buttons.
  await expect(toolbar.locator('[tabindex="0"]')).toHaveCount(1);
  const styles = toolbar.getByRole("group", { name: "段落样式" });
  await expect(styles.getByRole("button")).toHaveText(["正文", "一级标题", "二级标题", "三级标题"]);
  await expect(styles.getByRole("button", { name: "正文" })).toHaveAttribute("aria-pressed", "true");

  // The title.
  await tabTo(page, (f) => f.id === "article-title");
  await expectFocus(page, (f) => f.id === "article-title", "the title");
  await page.keyboard.type(title);

  // Into the text: the toolbar is passed in one step.
  await tabTo(page, isEditor, { max: 8 });
  await expectFocus(page, isEditor, "the text");
  await expect(body(page)).toHaveAttribute("aria-multiline", "true");
  await page.keyboard.type("一、主要做法");

  // Back to the toolbar: its tab stop is the first block style; Right, Space makes the
  // paragraph a heading, says so (aria-pressed), and sends the keyboard back to the text.
  await page.keyboard.press("Shift+Tab");
  await expectFocus(page, isTool("正文"), "the paragraph style button");
  await page.keyboard.press("ArrowRight");
  await expectFocus(page, isTool("一级标题"), "the first heading button");
  await expect(styles.getByRole("button", { name: "一级标题" })).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Space");
  await expect(body(page).getByRole("heading", { level: 2, name: "一、主要做法" })).toBeVisible();
  await expect(styles.getByRole("button", { name: "一级标题" })).toHaveAttribute("aria-pressed", "true");
  await expect(styles.getByRole("button", { name: "正文" })).toHaveAttribute("aria-pressed", "false");
  await expectFocus(page, isEditor, "the text, after the heading button");

  // The usual shortcut for the next level (Tiptap's Ctrl+Alt+<level>); Enter after a heading starts a paragraph.
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("（一）加强组织领导");
  await page.keyboard.press("Control+Alt+3");
  await expect(body(page).getByRole("heading", { level: 3, name: "（一）加强组织领导" })).toBeVisible();
  await expect(styles.getByRole("button", { name: "二级标题" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await expect(styles.getByRole("button", { name: "正文" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.type("会议要求");
  await page.keyboard.press("Control+b");
  await page.keyboard.type("不误农时");
  await page.keyboard.press("Control+b");
  await page.keyboard.type("抓好春耕。");
  await expect(body(page).locator("strong")).toHaveText("不误农时");

  // The arrow keys move through the toolbar; only the focused item is in the tab order.
  await page.keyboard.press("Shift+Tab");
  await expectFocus(page, isTool("一级标题"), "the toolbar's tab stop, where it was left");
  await page.keyboard.press("Home");
  await expectFocus(page, isTool("正文"), "the first item (Home)");
  await page.keyboard.press("ArrowLeft");
  await expectFocus(page, (f) => f.inToolbar && /全屏/.test(f.name), "the last item (wrapping)");
  await page.keyboard.press("Home");
  const quote = toolbar.getByRole("button", { name: "引用" });
  await expect(quote).toHaveAttribute("aria-pressed", "false");
  for (let i = 0; i < 20 && !isTool("引用")(await focused(page)); i++) await page.keyboard.press("ArrowRight");
  const onQuote = await expectFocus(page, isTool("引用"), "the quote button");
  expect(onQuote.tabIndex).toBe(0);
  await expect(toolbar.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press("Space");
  await expect(quote).toHaveAttribute("aria-pressed", "true");
  await expect(body(page).locator("blockquote")).toContainText("会议要求不误农时抓好春耕。");
  await expectFocus(page, isEditor, "the text, after the quote button");

  // The toolbar remembers its item: Shift+Tab comes back to the quote button.
  await page.keyboard.press("Shift+Tab");
  await expectFocus(page, isTool("引用"), "the quote button again");
  await page.keyboard.press("ArrowRight");
  await expectFocus(page, isTool("链接"), "the link button");

  // The link dialog: focus goes in, stays in, Escape closes it and the focus comes back.
  await page.keyboard.press("Enter");
  const linkDialog = page.getByRole("dialog", { name: "插入链接" });
  await expect(linkDialog).toBeVisible();
  await expectFocus(page, (f) => f.inDialog === "link-dialog" && f.tag === "input", "the link address");
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    await expectFocus(page, (f) => f.inDialog === "link-dialog", `an element of the link dialog (Tab ${i + 1})`);
  }
  await page.keyboard.press("Shift+Tab");
  await expectFocus(page, (f) => f.inDialog === "link-dialog", "an element of the link dialog (Shift+Tab)");
  await page.keyboard.press("Escape");
  await expect(linkDialog).toBeHidden();
  await expectFocus(page, isTool("链接"), "the link button, after Escape");

  // Again, this time for real: Enter inserts the link and the writing goes on in the text.
  await page.keyboard.press("Enter");
  await expectFocus(page, (f) => f.inDialog === "link-dialog" && f.tag === "input", "the link address");
  await page.keyboard.type("https://www.gov.cn/zhengce/");
  await page.keyboard.press("Enter");
  await expect(linkDialog).toBeHidden();
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
  const id = Number(/\/admin\/articles\/(\d+)$/.exec(page.url())![1]);
  await expectSaved(page);
  await expect(page.getByTestId("save-status-live").first()).toHaveText(/^已保存 /);
  await expect(page.getByRole("status").filter({ hasText: /^已保存 / }).first()).toBeAttached();

  // Back into the text, at its end (out of the quote), for a picture from the media library.
  await tabTo(page, isEditor, { back: true, max: 40 });
  await expectFocus(page, isEditor, "the text, from the side panel");
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Shift+Tab");
  await expectFocus(page, isTool("链接"), "the toolbar, on the link button");
  await page.keyboard.press("ArrowRight");
  await expectFocus(page, isTool("插入图片"), "the picture button");
  await page.keyboard.press("Enter");
  const imageDialog = page.getByRole("dialog", { name: "插入图片" });
  await expect(imageDialog).toBeVisible();
  await expectFocus(page, (f) => f.inDialog === "image-dialog", "the picture dialog's first field");
  // The source tabs (one tab stop, arrows switch): to 从媒体库选择.
  await tabTo(page, (f) => f.role === "tab", { back: true, max: 3 });
  await expectFocus(page, (f) => f.inDialog === "image-dialog" && f.role === "tab", "the source tabs");
  await page.keyboard.press("ArrowRight");
  const libraryTab = imageDialog.getByRole("tab", { name: "从媒体库选择" });
  await expect(libraryTab).toHaveAttribute("aria-selected", "true");
  await expectFocus(page, (f) => f.role === "tab" && f.name === "从媒体库选择", "the library tab");
  const library = imageDialog.getByRole("list", { name: "媒体库图片" });
  await expect(library.getByRole("button").first()).toBeVisible();
  // Past the library's search field and button to its first picture.
  const tile = await tabTo(page, (f) => f.inDialog === "image-dialog" && f.tag === "button" && f.role !== "tab" && f.name !== "查找", { max: 4 });
  expect(tile.ring).toBe(true);
  await page.keyboard.press("Enter");
  await expect(library.locator('button[aria-pressed="true"]')).toHaveCount(1);
  await expect(imageDialog.locator("img.image-form-preview")).toHaveAttribute("src", /^\/media\//);
  // Its description and caption (the description is required, and may come from the library).
  await tabTo(page, (f) => f.inDialog === "image-dialog" && f.name.includes("替代文字"), { max: 60 });
  await expectFocus(page, (f) => f.name.includes("替代文字"), "the description field");
  await page.keyboard.press("Control+a");
  await page.keyboard.type("春耕现场农机作业");
  await page.keyboard.press("Tab");
  await expectFocus(page, (f) => f.name.includes("图注"), "the caption field");
  await page.keyboard.type("农机手在田间作业");
  // Focus stays inside: round the dialog and back to the caption.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    await expectFocus(page, (f) => f.inDialog === "image-dialog", `an element of the picture dialog (Tab ${i + 1})`);
  }
  await tabTo(page, (f) => f.inDialog === "image-dialog" && f.name.includes("图注"), { max: 60 });
  await page.keyboard.press("Enter");
  await expect(imageDialog).toBeHidden();
  await expect(body(page).getByRole("img", { name: "春耕现场农机作业" })).toBeVisible();
  await expect(body(page).locator("figcaption")).toHaveText("农机手在田间作业");
  await expectFocus(page, isEditor, "the text, after inserting the picture");

  // A table through its dialog: Escape first (the focus comes back to its button), then for real.
  await page.keyboard.press("Shift+Tab");
  await expectFocus(page, isTool("插入图片"), "the picture button again");
  await page.keyboard.press("ArrowRight");
  await expectFocus(page, isTool("插入表格"), "the table button");
  await page.keyboard.press("Enter");
  const tableDialog = page.getByRole("dialog", { name: "插入表格" });
  await expect(tableDialog).toBeVisible();
  await expectFocus(page, (f) => f.inDialog === "table-dialog" && f.name.includes("行数"), "the rows field");
  await page.keyboard.press("Escape");
  await expect(tableDialog).toBeHidden();
  await expectFocus(page, isTool("插入表格"), "the table button, after Escape");
  await page.keyboard.press("Enter");
  await expectFocus(page, (f) => f.inDialog === "table-dialog" && f.name.includes("行数"), "the rows field");
  await page.keyboard.press("ArrowDown");
  await expect(tableDialog.getByLabel("行数")).toHaveValue("2");
  await page.keyboard.press("Tab");
  await expectFocus(page, (f) => f.inDialog === "table-dialog" && f.name.includes("列数"), "the columns field");
  await page.keyboard.press("ArrowDown");
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    await expectFocus(page, (f) => f.inDialog === "table-dialog", `an element of the table dialog (Tab ${i + 1})`);
  }
  await tabTo(page, (f) => f.inDialog === "table-dialog" && f.name.includes("列数"), { max: 10 });
  await page.keyboard.press("Enter");
  await expect(tableDialog).toBeHidden();
  await expectFocus(page, isEditor, "the text, in the new table");
  const table = body(page).getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(2);
  for (const [i, cell] of ["项目", "进度", "小麦", "80%"].entries()) {
    if (i > 0) await page.keyboard.press("Tab");
    await page.keyboard.type(cell);
  }
  await expect(table.getByRole("cell", { name: "80%" })).toBeVisible();

  // The table's own menu, by keyboard: a named group just before the text.
  const tableTools = page.getByRole("group", { name: "表格操作" });
  await expect(tableTools).toBeVisible();
  // Shift+Tab goes back through the cells first (the table's own keys), then out to the menu.
  await tabTo(page, (f) => f.name === "在下方插入行", { back: true, max: 16 });
  await expectFocus(page, isNamed("在下方插入行"), "the table menu's add-row button");
  await page.keyboard.press("Enter");
  await expect(table.getByRole("row")).toHaveCount(3);
  await expectFocus(page, isEditor, "the text, after adding a row");
  await page.keyboard.press("Control+End");
  await expect(tableTools).toBeHidden();

  // Saved again (a second version at least, for the reviewer's comparison).
  await page.keyboard.press("Control+s");
  await expectSaved(page);

  // Submit for review, from the panel in the side column.
  await tabTo(page, isNamed("提交审核"), { max: 80 });
  await expectFocus(page, isNamed("提交审核"), "the submit button");
  await page.keyboard.press("Enter");
  await expectFocus(page, (f) => f.tag === "textarea" && f.name.includes("提交说明"), "the submission's comment");
  await page.keyboard.type("请审核");
  // Past the optional proposed time (its date and time parts are stops of their own).
  await tabTo(page, isNamed("确认提交审核"), { max: 16 });
  await expectFocus(page, isNamed("确认提交审核"), "the confirm button");
  await page.keyboard.press("Enter");
  await expect(workflowStatus(page)).toHaveText("审核中");
  await expect(body(page).getByRole("heading", { level: 2, name: "一、主要做法" })).toBeVisible();
  await expect(body(page).locator("blockquote strong")).toHaveText("不误农时");
  await expect(body(page).getByRole("img", { name: "春耕现场农机作业" })).toBeVisible();

  // The reviewer, by keyboard too: from 工作台 to the article.
  const reviewer = await (await browser.newContext()).newPage();
  await logInByKeyboard(reviewer, "reviewer", "/admin");
  const toReview = reviewer.getByRole("region", { name: /等待我审核/ });
  await expect(toReview.getByRole("link", { name: title })).toBeVisible();
  await tabTo(reviewer, (f) => f.tag === "a" && f.name === title, { max: 120 });
  await expectFocus(reviewer, (f) => f.name === title, "the article on 工作台");
  await reviewer.keyboard.press("Enter");
  await expect(reviewer).toHaveURL(new RegExp(`/admin/articles/${id}$`));

  // Straight to the review panel; its first links: the preview and the changes.
  const toPanel = async () => {
    await tabTo(reviewer, isNamed("审核与发布"), { max: 40 });
    await expectFocus(reviewer, (f) => f.tag === "a" && f.name === "审核与发布", "the link to the review panel");
    await reviewer.keyboard.press("Enter");
    await expectFocus(reviewer, (f) => f.tag === "h2" && f.id === "workflow-heading", "the review panel's heading");
  };
  await toPanel();
  const links = reviewer.getByRole("list", { name: "审阅稿件" });
  await expect(links.getByRole("link", { name: "预览发布效果" })).toBeVisible();
  await tabTo(reviewer, isNamed("查看修订与改动"), { max: 4 });
  await expectFocus(reviewer, isNamed("查看修订与改动"), "the link to the changes");
  await reviewer.keyboard.press("Enter");

  // The changes between the newest saves (the picture and the table came after the first).
  await expect(reviewer).toHaveURL(new RegExp(`/admin/articles/${id}/revisions`));
  const diff = reviewer.getByRole("region", { name: /第 \d+ 版 → 第 \d+ 版/ });
  await expect(diff.getByTestId("diff-view")).toBeVisible();
  await expect(diff.locator(".diff-block.is-added, .diff-block.is-changed").first()).toBeVisible();
  await tabTo(reviewer, (f) => f.tag === "a" && f.name === "返回编辑", { max: 40 });
  await expectFocus(reviewer, isNamed("返回编辑"), "back to the article");
  await reviewer.keyboard.press("Enter");
  await expect(reviewer).toHaveURL(new RegExp(`/admin/articles/${id}$`));

  // Approve with a comment; the outcome is announced and takes the focus.
  await toPanel();
  await tabTo(reviewer, isNamed("审核通过"), { max: 8 });
  await expectFocus(reviewer, isNamed("审核通过"), "the approve button");
  await reviewer.keyboard.press("Enter");
  await expectFocus(reviewer, (f) => f.tag === "textarea" && f.name.includes("审核意见"), "the review comment");
  await reviewer.keyboard.type("同意发布");
  await tabTo(reviewer, isNamed("确认审核通过"), { max: 8 });
  await expectFocus(reviewer, isNamed("确认审核通过"), "the confirm button");
  await reviewer.keyboard.press("Enter");
  await expect(reviewer.getByRole("status").filter({ hasText: "审核通过：已完成" })).toBeVisible();
  await expectFocus(reviewer, (f) => f.name === "审核通过：已完成", "the announced outcome");
  // The reviewer's level is passed (the column may have another after it).
  await expect(reviewer.getByTestId("workflow-panel")).toContainText(/已审核|已通过 1 级/);
  await expect(reviewer.locator(".workflow-history")).toContainText("同意发布");
  await reviewer.context().close();
});
