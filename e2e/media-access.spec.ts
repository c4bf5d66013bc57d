import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { body, expectSaved } from "./authoring-helpers";
import { act, as, submitApprovePublish, workflowStatus as status } from "./helpers/workflow";

/**
 * A draft's picture stays in the back office: a citizen given its address gets 404
 * until the article is published, the picture then shows on the public page (cached
 * for good), and after 撤稿 the address is dead again — while the editor still sees it.
 */
test.setTimeout(4 * 60_000);

test("a draft's picture is not public until the article is, nor after it is withdrawn", async ({ browser, request }) => {
  const editor = await as(browser, "editor", "/admin/articles/new");
  await editor.getByLabel("标题", { exact: true }).fill(`草稿图片测试${Date.now() % 100000}`);
  await editor.getByLabel(/栏目/).selectOption({ label: "乌海要闻" });
  await body(editor).click();
  await editor.keyboard.type("会议现场。");
  const picture = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#8a3b2f" } }).jpeg().toBuffer();
  await editor.getByRole("button", { name: "插入图片" }).click();
  const dialog = editor.getByTestId("image-dialog");
  await dialog.locator('input[type="file"]').setInputFiles({ name: "现场.jpg", mimeType: "image/jpeg", buffer: picture });
  await expect(dialog.locator("img.image-form-preview")).toHaveAttribute("src", /^\/media\/images\//);
  await dialog.getByLabel("替代文字").fill("会议现场");
  await dialog.getByRole("button", { name: "插入" }).click();
  await editor.keyboard.press("Control+s");
  await expect(editor).toHaveURL(/\/admin\/articles\/\d+$/);
  await expectSaved(editor);
  const id = Number(/\/admin\/articles\/(\d+)$/.exec(editor.url())![1]);
  const src = await body(editor).locator("figure img").getAttribute("src");
  expect(src).toMatch(/^\/media\/images\/.+\.jpg$/);

  // The public: no such file. The editor: the picture, never cached.
  const anonymous = await request.get(src!);
  expect(anonymous.status()).toBe(404);
  expect(anonymous.headers()["cache-control"]).toBe("private, no-store");
  const own = await editor.request.get(src!);
  expect(own.status()).toBe(200);
  expect(own.headers()["cache-control"]).toBe("private, no-store");
  await expect.poll(() => body(editor).locator("figure img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  await editor.reload();
  const reviewer = await submitApprovePublish(browser, editor, id);

  // Published: a citizen sees the picture on the page, cached for good.
  const published = await request.get(src!);
  expect(published.status()).toBe(200);
  expect(published.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto(`/articles/${id}`);
  await expect.poll(() => citizen.locator(".article-figure img").first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // 撤稿: gone for the public again, still there for the article's staff.
  await act(reviewer, "撤稿", "图片需要核实");
  await expect(status(reviewer)).toHaveText("已撤稿");
  expect((await request.get(src!)).status()).toBe(404);
  expect((await editor.request.get(src!)).status()).toBe(200);
});
