import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { axeBuilder } from "./helpers/a11y";
import { loginAs } from "./helpers/login";
import { body, expectSaved, newArticle, pasteHtml } from "./authoring-helpers";

test.beforeEach(async ({ page }) => {
  await loginAs(page, "editor");
});

test("an editor writes an article with a heading, bold text, a captioned picture and a 3×3 table, and it is all there after a reload", async ({ page }) => {
  const id = await newArticle(page, "春耕生产工作现场推进会召开", "全市春耕生产进展顺利。");
  await body(page).press("Enter");

  await page.getByRole("toolbar", { name: "正文格式" }).getByRole("button", { name: "一级标题" }).click();
  await page.keyboard.type("一、主要做法");
  await page.keyboard.press("Enter");
  await page.keyboard.type("会议要求");
  await page.keyboard.press("Control+b");
  await page.keyboard.type("不误农时");
  await page.keyboard.press("Control+b");
  await page.keyboard.type("抓好春耕。");
  await page.keyboard.press("Enter");

  const picture = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#5b8c3a" } }).jpeg().toBuffer();
  await page.getByRole("button", { name: "插入图片" }).click();
  const dialog = page.getByTestId("image-dialog");
  await dialog.locator('input[type="file"]').setInputFiles({ name: "春耕.jpg", mimeType: "image/jpeg", buffer: picture });
  await expect(dialog.locator("img.image-form-preview")).toHaveAttribute("src", /^\/media\/images\//);
  await dialog.getByRole("button", { name: "插入" }).click();
  await expect(dialog.getByText("请填写替代文字")).toBeVisible(); // the description is required
  await dialog.getByLabel("替代文字").fill("农机在田间作业");
  await dialog.getByLabel("图注").fill("农机手在田间作业");
  await dialog.getByRole("button", { name: "插入" }).click();

  await page.getByRole("button", { name: "插入表格" }).click();
  await page.getByTestId("table-dialog").getByRole("button", { name: "插入" }).click();
  for (const [i, cell] of ["项目", "面积", "进度", "小麦", "12万亩", "80%", "玉米", "30万亩", "20%"].entries()) {
    if (i > 0) await page.keyboard.press("Tab");
    await page.keyboard.type(cell);
  }
  await page.keyboard.press("Control+s");
  await expectSaved(page);

  await page.reload();
  const editor = body(page);
  await expect(editor.getByRole("heading", { level: 2, name: "一、主要做法" })).toBeVisible();
  await expect(editor.locator("strong")).toHaveText("不误农时");
  const img = editor.locator("figure img");
  await expect(img).toHaveAttribute("alt", "农机在田间作业");
  await expect(img).toHaveAttribute("src", /^\/media\/images\/\d{4}\/[0-9a-f-]+\/w1200\.jpg$/);
  await expect(editor.locator("figcaption")).toHaveText("农机手在田间作业");
  await expect(editor.locator("table tr")).toHaveCount(3);
  await expect(editor.locator("table tr").first().locator("th")).toHaveCount(3);
  await expect(editor.locator("table td").last()).toHaveText("20%");
  await expect(page.getByTestId("char-count")).toHaveText(/字数 \d+/);
  expect(id).toBeGreaterThan(0);
});

test("pasting from Word gives clean headings and paragraphs", async ({ page }) => {
  await newArticle(page, "粘贴测试：安全生产通知");
  await body(page).press("Control+a");
  await body(page).press("Delete");
  const word = fs.readFileSync(path.join(process.cwd(), "lib/paste/fixtures/word.html"), "utf8");
  await pasteHtml(page, word, "纯文本");

  const editor = body(page);
  await expect(editor.getByRole("heading", { level: 2, name: "一、总体要求" })).toBeVisible();
  await expect(editor.getByRole("heading", { level: 3, name: "（一）压实安全生产责任" })).toBeVisible();
  await expect(editor.getByRole("heading", { level: 4, name: "1．明确部门监管职责" })).toBeVisible();
  await expect(editor.locator("p", { hasText: "为深入贯彻落实党中央" })).toBeVisible();
  await expect(editor.locator("strong", { hasText: "人民至上、生命至上" })).toBeVisible();
  await expect(editor.locator("table tr")).toHaveCount(3);
  const html = await editor.innerHTML();
  expect(html).not.toMatch(/mso-|MsoNormal|font-family|仿宋|class="Mso|<o:p|层层|请核实/);
  await expect(page.getByTestId("editor-notices")).toContainText("已粘贴并清理Word格式");
  await expect(page.getByTestId("editor-notices")).toContainText("1 张图片无法从剪贴板读取");

  await page.keyboard.press("Control+s");
  await expectSaved(page);
  await page.reload();
  await expect(body(page).getByRole("heading", { level: 2, name: "二、重点任务" })).toBeVisible();
});

test("一键排版 tidies indents, blank lines and punctuation, and can be undone", async ({ page }) => {
  await newArticle(page, "一键排版测试");
  await body(page).press("Control+a");
  await body(page).press("Delete");
  await pasteHtml(page, "<p>　　结合实际 ，制定本方案 。</p><p></p><p>&nbsp;</p><p>第二段,没有缩进.</p>");
  await page.getByRole("button", { name: "一键排版" }).click();
  const paragraphs = body(page).locator("p");
  await expect(paragraphs).toHaveText(["结合实际，制定本方案。", "第二段，没有缩进。"]);
  await expect(paragraphs.first()).not.toHaveAttribute("data-indent", "0");
  await page.keyboard.press("Control+z");
  await expect(body(page).locator("p").first()).toHaveText("结合实际 ，制定本方案 。");
});

test("pictures copied from another ProseMirror editor: readable ones upload, unreadable ones are dropped with the reason, and saving works", async ({ page }) => {
  await newArticle(page, "粘贴测试：外站编辑器内容");
  await body(page).press("Control+a");
  await body(page).press("Delete");
  const png = (await sharp({ create: { width: 320, height: 200, channels: 3, background: "#3a6b8c" } }).png().toBuffer()).toString("base64");
  const figure = (src: string) => `<figure class="article-figure"><img src="${src}" alt="现场"><figcaption>图注</figcaption></figure>`;
  // What a ProseMirror page puts on the clipboard (data-pm-slice): the paste cleaner does not run.
  const html = [
    '<meta charset="utf-8"><p data-pm-slice="1 1 []">外站编辑器里的正文。</p>',
    figure("blob:https://other.example/6f1c2d3e-0000-4000-8000-000000000000"),
    figure("file:///C:/Users/zhang/AppData/Local/Temp/clip_image002.png"),
    figure("images/2026/photo.png"),
    figure("data:image/png;base64,!!!damaged!!!"),
    figure(`data:image/png;base64,${png}`),
  ].join("");
  await pasteHtml(page, html, "外站编辑器里的正文。");

  const editor = body(page);
  await expect(editor.locator("p", { hasText: "外站编辑器里的正文。" })).toBeVisible();
  // The one picture whose bytes came along is uploaded; the others are gone, and the editor says why.
  await expect(editor.locator("figure img")).toHaveCount(1);
  await expect(editor.locator("figure img")).toHaveAttribute("src", /^\/media\/images\//);
  const notices = page.getByTestId("editor-notices");
  await expect(notices).toContainText("4 张图片无法读取，已去掉");
  await expect(notices).toContainText("1 张在复制来源的电脑上");
  await expect(notices).toContainText("1 张图片地址不完整");

  await page.keyboard.press("Control+s");
  await expectSaved(page);
  await page.reload();
  await expect(body(page).locator("figure img")).toHaveCount(1);
  await expect(body(page).locator("figure img")).toHaveAttribute("src", /^\/media\/images\//);
});

test("查找/替换: Ctrl+F in the editor highlights every match, Ctrl+H replaces them all, one Ctrl+Z brings them back, Esc returns to the text", async ({ page }) => {
  await newArticle(page, "查找替换测试", "截止目前，全市已完成春耕。");
  const editor = body(page);
  await editor.press("Enter");
  await page.keyboard.type("截止日期为5月底，截止时间另行通知。");

  await page.keyboard.press("Control+f");
  const panel = page.getByRole("search", { name: "查找和替换" });
  const find = panel.getByLabel("查找", { exact: true });
  await expect(find).toBeFocused();
  await page.keyboard.type("截止");
  const count = panel.getByRole("status");
  await expect(count).toHaveText("第 1/3 处");
  await expect(editor.locator(".ProseMirror-search-match, .ProseMirror-active-search-match")).toHaveCount(3);
  await expect(editor.locator(".ProseMirror-active-search-match")).toHaveText("截止");
  const axe = await axeBuilder(page).include('[data-testid="rich-editor"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
  await page.keyboard.press("Enter");
  await expect(count).toHaveText("第 2/3 处");
  await page.keyboard.press("Shift+Enter");
  await expect(count).toHaveText("第 1/3 处");

  await page.keyboard.press("Control+h");
  await expect(panel.getByLabel("替换为")).toBeFocused();
  await page.keyboard.type("截至");
  await panel.getByRole("button", { name: "全部替换" }).click();
  await expect(count).toHaveText("已替换 3 处");
  // Nothing left to replace, yet the focus stays in the bar (so Esc below reaches it).
  await expect(panel.getByRole("button", { name: "全部替换" })).toHaveAttribute("aria-disabled", "true");
  const paragraphs = editor.locator("p");
  await expect(paragraphs).toHaveText(["截至目前，全市已完成春耕。", "截至日期为5月底，截至时间另行通知。"]);

  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(editor).toBeFocused();
  await expect(editor.locator(".ProseMirror-search-match")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(paragraphs).toHaveText(["截止目前，全市已完成春耕。", "截止日期为5月底，截止时间另行通知。"]);

  // The toolbar button opens it too, on the find field.
  await page.getByRole("button", { name: "查找替换" }).click();
  await expect(find).toBeFocused();
});
