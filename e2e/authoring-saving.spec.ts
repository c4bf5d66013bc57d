import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers/login";
import { body, expectSaved, newArticle, saveStatus } from "./authoring-helpers";

/** Server actions are POSTs to the page's own address. */
const isSave = (method: string, headers: Record<string, string>) => method === "POST" && "next-action" in headers;

test("when another editor saved first, the second save is refused with the difference shown and nothing lost", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await loginAs(a, "editor");
  await loginAs(b, "admin");
  const id = await newArticle(a, "冲突测试：两人同时编辑", "原来的段落。");

  await b.goto(`/admin/articles/${id}`);
  await expect(body(b)).toContainText("原来的段落。");

  await body(a).click();
  await a.keyboard.press("End");
  await a.keyboard.type("甲补充的内容。");
  await a.keyboard.press("Control+s");
  await expectSaved(a);

  await body(b).click();
  await b.keyboard.press("End");
  await b.keyboard.type("乙补充的内容。");
  await b.keyboard.press("Control+s");

  // For a screen reader: a named dialog that takes the focus and says what happened; the save status announces it too.
  const dialog = b.getByRole("dialog", { name: "其他人已保存了这篇文章" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeFocused();
  await expect(dialog).toHaveAccessibleDescription(/您的修改没有丢失/);
  await expect(b.getByRole("status").filter({ hasText: "保存被拒绝" }).first()).toBeAttached();
  await expect(dialog.getByTestId("conflict-message")).toContainText("编辑小王");
  await expect(dialog.getByTestId("conflict-message")).toContainText("您的修改没有丢失");
  await expect(dialog.locator("ins", { hasText: "甲补充的内容。" })).toBeVisible();
  await expect(dialog.locator("ins", { hasText: "乙补充的内容。" })).toBeVisible();
  await expect(saveStatus(b)).toHaveText("保存被拒绝：其他人已保存了更新的版本");
  await expect(body(b)).toContainText("原来的段落。乙补充的内容。");

  // Merge by hand: keep writing on top of the other version, with its changes beside.
  await dialog.getByRole("button", { name: "手动合并" }).click();
  await expect(b.getByTestId("merge-panel")).toContainText("甲补充的内容。");
  await body(b).click();
  await b.keyboard.press("End");
  await b.keyboard.type("甲补充的内容。");
  await b.keyboard.press("Control+s");
  await expectSaved(b);

  await a.reload();
  await expect(body(a)).toContainText("原来的段落。乙补充的内容。甲补充的内容。");
  await first.close();
  await second.close();
});

test("keeping one's own version after a conflict saves it over the other (which stays in the revisions)", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await loginAs(a, "editor");
  await loginAs(b, "editor");
  const id = await newArticle(a, "冲突测试：保留我的版本");
  await b.goto(`/admin/articles/${id}`);
  await a.getByLabel("标题", { exact: true }).fill("甲改的标题");
  await a.keyboard.press("Control+s");
  await expectSaved(a);
  await b.getByLabel("标题", { exact: true }).fill("乙改的标题");
  await b.keyboard.press("Control+s");
  await b.getByTestId("conflict-dialog").getByRole("button", { name: "保留我的版本并保存" }).click();
  await expectSaved(b);
  await b.goto(`/admin/articles/${id}/revisions`);
  await expect(b.getByRole("row", { name: /^第 3 版 当前/ })).toBeVisible();
  await expect(b.locator(".diff-fields")).toContainText("乙改的标题");
  await first.close();
  await second.close();
});

test("text typed while the network is down survives, and saves once the network is back", async ({ page }) => {
  await loginAs(page, "editor");
  const id = await newArticle(page, "断网测试");
  let blocked = true;
  await page.route(`**/admin/articles/${id}`, (route) => (blocked && isSave(route.request().method(), route.request().headers()) ? route.abort("internetdisconnected") : route.continue()));

  await body(page).click();
  await page.keyboard.press("End");
  await page.keyboard.type("断网期间写下的一句话。");
  await expect(saveStatus(page)).toHaveText("保存失败（网络连接中断），正在重试…", { timeout: 15_000 });
  await expect(body(page)).toContainText("断网期间写下的一句话。");

  blocked = false;
  await expectSaved(page);
  await page.unroute(`**/admin/articles/${id}`);
  await page.reload();
  await expect(body(page)).toContainText("第一段正文。断网期间写下的一句话。");
});

test("after a reload, changes that never reached the server are offered back", async ({ page }) => {
  await loginAs(page, "editor");
  const id = await newArticle(page, "本地恢复测试");
  await page.route(`**/admin/articles/${id}`, (route) => (isSave(route.request().method(), route.request().headers()) ? route.abort() : route.continue()));
  await body(page).click();
  await page.keyboard.press("End");
  await page.keyboard.type("只存在本机的修改。");
  await expect(saveStatus(page)).toContainText("保存失败", { timeout: 15_000 });

  // Still offline while reloading (as after a crash): the server never got the sentence.
  page.on("dialog", (d) => void d.accept()); // the "leave page?" question
  await page.reload();
  await expect(body(page)).toContainText("第一段正文。");
  await expect(body(page)).not.toContainText("只存在本机的修改。");
  await page.unroute(`**/admin/articles/${id}`);
  const banner = page.getByTestId("recovery-banner");
  await expect(banner).toContainText("发现本机暂存的未保存修改");
  await banner.getByRole("button", { name: "恢复这些修改" }).click();
  await expect(body(page)).toContainText("第一段正文。只存在本机的修改。");
  await page.keyboard.press("Control+s");
  await expectSaved(page);
  await page.reload();
  await expect(page.getByTestId("recovery-banner")).toHaveCount(0);
  await expect(body(page)).toContainText("只存在本机的修改。");
});
