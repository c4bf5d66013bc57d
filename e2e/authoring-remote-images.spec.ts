import sharp from "sharp";
import { expect, test, type Browser } from "@playwright/test";
import { send, startImageServer, type ImageServer } from "../test/image-server";
import { body, expectSaved, pasteHtml, saveStatus } from "./authoring-helpers";
import { as, submitApprovePublish } from "./helpers/workflow";

/**
 * 远程图片本地化: an editor pastes a WeChat article whose pictures live on another site
 * (here a local server, which the administrator allows as an intranet image host); the
 * server fetches them into the media library while the editor shows each one's progress;
 * a picture that cannot be fetched stays marked with the reason and does not block the
 * save; after review and publication the public page serves the pictures from Gazette's
 * own /media/.
 */
// It takes 10–20 s; a hang (seen once, cause not found) should cost a retry, not four minutes.
test.setTimeout(90_000);

let server: ImageServer;
test.beforeAll(async () => {
  const picture = (color: string) => sharp({ create: { width: 900, height: 600, channels: 3, background: color } }).jpeg().toBuffer();
  const [first, second] = await Promise.all([picture("#1f6f8b"), picture("#b3261e")]);
  server = await startImageServer({
    "/mmbiz_jpg/first/640": send(first, "image/jpeg"),
    "/mmbiz_png/second/640": send(second, "image/jpeg"),
    "/mmbiz_jpg/gone/640": send("hotlink refused", "text/plain", 403),
  });
});
test.afterAll(() => server?.close());

async function setAllowList(browser: Browser, hosts: string) {
  const admin = await as(browser, "admin", "/admin/settings");
  await admin.getByLabel("允许获取图片的内网服务器").fill(hosts);
  await admin.getByRole("button", { name: "保存", exact: true }).click();
  await expect(admin.getByTestId("settings-status")).toHaveText("设置已保存，网站页面已更新。");
  await admin.context().close();
}

/** WeChat's markup: the picture in data-src, a 1×1 SVG placeholder in src, captions as centred small text. */
function wechatArticle(origin: string): string {
  const img = (path: string, alt: string) =>
    `<img class="rich_pages wxw-img" data-ratio="0.6666" data-s="300,640" data-src="${origin}${path}?wx_fmt=jpeg" data-type="jpeg" data-w="1080" alt="${alt}" style="width: 677px !important; visibility: visible !important;" src="data:image/svg+xml,%3Csvg width='1px' height='1px' xmlns='http://www.w3.org/2000/svg'%3E%3C/svg%3E">`;
  return `<div class="rich_media_content" id="js_content">
<section data-tools="135编辑器"><p style="text-align: justify;"><span style="font-size: 15px;">12月5日，我市召开冬季供暖保障工作推进会。</span></p></section>
<section style="text-align: center;">${img("/mmbiz_jpg/first/640", "推进会现场")}</section>
<p style="text-align: justify;"><span style="font-size: 15px;">会议要求各供热企业落实保障责任。</span></p>
<section style="text-align: center;">${img("/mmbiz_png/second/640", "供热站巡检")}</section>
<section style="text-align: center;">${img("/mmbiz_jpg/gone/640", "已删除的图片")}</section>
</div>`;
}

test("a pasted WeChat article's pictures are brought home and served from /media/ on the public page", async ({ browser, request }) => {
  await setAllowList(browser, `127.0.0.1`);
  const title = `冬季供暖保障工作推进会${Date.now() % 100000}`;

  const editor = await as(browser, "editor", "/admin/articles/new");
  await editor.getByLabel("标题", { exact: true }).fill(title);
  await editor.getByLabel(/栏目/).selectOption({ label: "乌海要闻" });
  await body(editor).click();
  await pasteHtml(editor, wechatArticle(server.origin), "12月5日，我市召开冬季供暖保障工作推进会。");

  // Two pictures come home, keeping their alt text; the third is marked with the reason and stays.
  const figures = body(editor).locator("figure img");
  await expect(figures).toHaveCount(3);
  await expect(figures.nth(0)).toHaveAttribute("src", /^\/media\/images\/.+\.jpg$/, { timeout: 30_000 });
  await expect(figures.nth(1)).toHaveAttribute("src", /^\/media\/images\/.+\.jpg$/);
  await expect(figures.nth(0)).toHaveAttribute("alt", "推进会现场");
  await expect(figures.nth(1)).toHaveAttribute("alt", "供热站巡检");
  const failed = body(editor).locator('figure[data-remote="failed"]');
  await expect(failed).toHaveAttribute("data-remote-label", "未能获取：对方拒绝（403）");
  await expect(failed.locator("img")).toHaveAttribute("src", `${server.origin}/mmbiz_jpg/gone/640?wx_fmt=jpeg`);
  await expect(editor.getByTestId("editor-checks")).toContainText("1 张外部图片未能获取（对方拒绝（403））");
  // The fetches carried no Referer.
  expect(server.requests.filter((r) => r.path.startsWith("/mmbiz")).every((r) => !r.headers.referer)).toBe(true);

  // The failure blocks nothing: the article saves; the editor removes that picture before submitting.
  await editor.keyboard.press("Control+s");
  await expect(editor).toHaveURL(/\/admin\/articles\/\d+$/);
  await expectSaved(editor);
  const id = Number(/\/admin\/articles\/(\d+)$/.exec(editor.url())![1]);
  await failed.locator("img").click();
  await editor.getByRole("group", { name: "图片", exact: true }).getByRole("button", { name: "删除", exact: true }).click();
  await expect(figures).toHaveCount(2);
  await expect(saveStatus(editor)).not.toHaveText(/^已保存/);
  await editor.keyboard.press("Control+s");
  await expectSaved(editor);

  // The toolbar button finds nothing more to fetch.
  await editor.getByRole("button", { name: "图片本地化" }).click();
  await expect(editor.getByText("正文中没有来自其他网站的图片。")).toBeVisible();

  await editor.reload();
  await submitApprovePublish(browser, editor, id);

  // The public page: Gazette's own pictures, which load.
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto(`/articles/${id}`);
  const images = citizen.locator(".article-figure img");
  await expect(images).toHaveCount(2);
  for (const i of [0, 1]) {
    const src = await images.nth(i).getAttribute("src");
    expect(src).toMatch(/^\/media\/images\//);
    expect((await request.get(src!)).status()).toBe(200);
    await expect.poll(() => images.nth(i).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }
  expect(await citizen.content()).not.toContain(server.origin);
});

test("without the allow-list, a picture on a local address is refused and says why", async ({ browser }) => {
  await setAllowList(browser, "");
  const editor = await as(browser, "editor", "/admin/articles/new");
  await body(editor).click();
  await pasteHtml(editor, `<p>正文</p><img src="${server.origin}/mmbiz_jpg/first/640" alt="内网图片">`, "正文");
  const figure = body(editor).locator('figure[data-remote="failed"]');
  await expect(figure).toHaveAttribute("data-remote-label", "未能获取：地址不允许（本机、内网或保留地址）", { timeout: 20_000 });
  await expect(figure.locator("img")).toHaveAttribute("src", `${server.origin}/mmbiz_jpg/first/640`);
});
