import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { compoundFile, NOTICE, noticeDocx } from "../test/docx-fixtures";
import { body, expectSaved } from "./authoring-helpers";
import { as, submitApprovePublish } from "./helpers/workflow";

/**
 * 导入 Word 文档: a 公文 saved as .docx — picture with alt text, a table with merged
 * cells, 公文 headings, a footnote — goes into the editor, is saved, reviewed and
 * published, and the public page shows it. From the article list it becomes a draft
 * at once; a file that cannot be imported changes nothing and says why.
 */
test.setTimeout(4 * 60_000);

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const libreOfficeDocx = () => fs.readFileSync(path.join(process.cwd(), "lib", "import", "docx", "fixtures", "libreoffice-notice.docx"));
const notices = (page: Page) => page.getByTestId("editor-notices");

test("a Word document is imported into the editor, saved, published and read on the public page", async ({ browser }) => {
  const editor = await as(browser, "editor", "/admin/articles/new");
  await editor.getByLabel(/栏目/).selectOption({ label: "乌海要闻" });
  await editor.getByTestId("word-import-file").setInputFiles({ name: "春季植树通知.docx", mimeType: DOCX, buffer: await noticeDocx() });

  // The body was empty: no question asked. The title comes from the document.
  await expect(notices(editor)).toContainText("已导入 Word 文档：3 个标题");
  await expect(notices(editor)).toContainText("2 处修订标记（已接受修订）、1 条批注");
  await expect(notices(editor)).toContainText(`文档标题“${NOTICE.title}”已填入标题栏`);
  await expect(editor.getByLabel("标题", { exact: true })).toHaveValue(NOTICE.title);
  await expect(body(editor).getByRole("heading", { level: 2, name: "一、总体要求" })).toBeVisible();
  await expect(body(editor).getByRole("heading", { level: 3, name: "（一）科学选择树种" })).toBeVisible();
  const picture = body(editor).locator("figure img");
  await expect(picture).toHaveAttribute("alt", NOTICE.alt);
  await expect(picture).toHaveAttribute("src", /^\/media\/images\//);
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(body(editor).locator('td[colspan="2"]')).toHaveText(NOTICE.table.merged);
  await expect(body(editor)).not.toContainText(NOTICE.deleted);

  // Nothing is stored until the editor saves.
  await editor.keyboard.press("Control+s");
  await expect(editor).toHaveURL(/\/admin\/articles\/\d+$/);
  await expectSaved(editor);
  const id = Number(/\/admin\/articles\/(\d+)$/.exec(editor.url())![1]);

  await editor.reload();
  await submitApprovePublish(browser, editor, id);

  // The public page: title, 公文 headings, the picture, the merged table, the note.
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto(`/articles/${id}`);
  await expect(citizen.getByRole("heading", { level: 1 })).toContainText(NOTICE.title);
  const article = citizen.locator(".article-body");
  await expect(article.getByRole("heading", { level: 2, name: "一、总体要求" })).toBeVisible();
  await expect(article.getByRole("heading", { level: 2, name: "二、重点任务" })).toBeVisible();
  await expect(article.getByRole("heading", { level: 3, name: "（一）科学选择树种" })).toBeVisible();
  const published = article.locator(".article-figure img");
  await expect(published).toHaveAttribute("alt", NOTICE.alt);
  await expect.poll(() => published.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(article.locator(".article-figure figcaption")).toHaveText(NOTICE.caption);
  await expect(article.locator('td[rowspan="2"]')).toHaveText(NOTICE.table.corner);
  await expect(article.locator('td[colspan="2"]')).toHaveText(NOTICE.table.merged);
  await expect(article.locator("sup")).toHaveText("[1]");
  await expect(article.getByRole("heading", { level: 2, name: "注释" })).toBeVisible();
  await expect(article.locator("ol li")).toHaveText(NOTICE.footnote);
});

test("from the article list a document becomes a draft; in the editor a bad file changes nothing and the body is replaced only when asked", async ({ browser }) => {
  const editor = await as(browser, "editor", "/admin/articles");
  await editor.getByRole("button", { name: "导入 Word 文档" }).click();
  const dialog = editor.getByTestId("word-import-dialog");
  await dialog.getByLabel("栏目").selectOption({ label: "乌海要闻" });
  // A file that is not a .docx: the dialog says why and no draft is made.
  await dialog.getByLabel("Word 文档（.docx）").setInputFiles({ name: "加密.docx", mimeType: DOCX, buffer: compoundFile(["EncryptionInfo", "EncryptedPackage"]) });
  await dialog.getByRole("button", { name: "导入", exact: true }).click();
  await expect(dialog.getByRole("alert")).toHaveText("文件已加密（设有密码），请取消密码后再导入。");
  await expect(editor).toHaveURL(/\/admin\/articles$/);

  await dialog.getByLabel("Word 文档（.docx）").setInputFiles({ name: "植树活动.docx", mimeType: DOCX, buffer: libreOfficeDocx() });
  await dialog.getByRole("button", { name: "导入", exact: true }).click();
  // Reading the document and making its picture's sizes takes 2–3 s on a quiet machine, 8 s beside two other lines.
  await expect(editor).toHaveURL(/\/admin\/articles\/\d+$/, { timeout: 30_000 });
  await expect(notices(editor)).toContainText("已导入 Word 文档");
  await expect(editor.getByLabel("标题", { exact: true })).toHaveValue("关于开展春季植树活动的通知");
  await expect(body(editor).locator("figure img")).toHaveAttribute("alt", "志愿者在甘德尔山植树");
  const before = await body(editor).innerHTML();

  // The body has content: asked first. An old .doc is then refused with the reason, and the body is as it was.
  const confirm = editor.getByTestId("word-import-confirm");
  await editor.getByTestId("word-import-file").setInputFiles({ name: "旧通知.doc", mimeType: "application/msword", buffer: compoundFile(["WordDocument", "1Table"]) });
  await confirm.getByRole("button", { name: "添加到末尾" }).click();
  await expect(notices(editor)).toContainText("这是旧版 .doc/.wps 格式，请在 Word/WPS 中另存为 .docx 后再导入。");
  expect(await body(editor).innerHTML()).toBe(before);

  // A good file: 取消 changes nothing, 替换正文 replaces.
  await editor.getByTestId("word-import-file").setInputFiles({ name: "春季植树通知.docx", mimeType: DOCX, buffer: await noticeDocx() });
  await confirm.getByRole("button", { name: "取消" }).click();
  expect(await body(editor).innerHTML()).toBe(before);
  await editor.getByTestId("word-import-file").setInputFiles({ name: "春季植树通知.docx", mimeType: DOCX, buffer: await noticeDocx() });
  await confirm.getByRole("button", { name: "替换正文" }).click();
  // The article keeps its own title; the document's stays at the top of the body.
  await expect(body(editor).getByRole("heading", { level: 2 }).first()).toHaveText(NOTICE.title);
  await expect(body(editor)).toContainText(NOTICE.docNo);
  await expect(body(editor)).not.toContainText("确保苗木成活");
  await expect(body(editor).locator("figure img")).toHaveAttribute("alt", NOTICE.alt);
  await expect(editor.getByLabel("标题", { exact: true })).toHaveValue("关于开展春季植树活动的通知");
  // One undo step brings the old body back.
  await editor.keyboard.press("Control+z");
  await expect(body(editor)).toContainText("确保苗木成活");
  await expect(body(editor)).not.toContainText(NOTICE.docNo);
});
