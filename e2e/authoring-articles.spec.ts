import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers/login";
import { body, expectSaved, newArticle } from "./authoring-helpers";

test.beforeEach(async ({ page }) => {
  await loginAs(page, "editor");
});

test("the list finds an article by title, duplicates it, and deletes a draft after confirmation", async ({ page }) => {
  await newArticle(page, "列表测试：防汛抗旱工作部署");
  await page.goto("/admin/articles");
  await page.getByRole("searchbox", { name: "搜索" }).fill("防汛抗旱");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/q=%E9%98%B2%E6%B1%9B/);
  const row = page.getByRole("row", { name: /列表测试：防汛抗旱工作部署/ });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("草稿")).toBeVisible();

  await row.getByRole("button", { name: "复制" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue("列表测试：防汛抗旱工作部署（副本）");

  await page.goto("/admin/articles?q=防汛抗旱&status=DRAFT");
  const copy = page.getByRole("row", { name: /（副本）/ });
  await copy.getByRole("button", { name: "删除" }).click();
  const dialog = page.getByTestId("delete-dialog");
  await expect(dialog).toContainText("无法恢复");
  await dialog.getByRole("button", { name: "确认删除" }).click();
  await expect(page.getByRole("row", { name: /（副本）/ })).toHaveCount(0);
  await expect(page.getByRole("row", { name: /列表测试：防汛抗旱工作部署/ })).toHaveCount(1);
});

test("the list asks the server for no page before the editor reaches for its link", async ({ page }) => {
  const prefetched: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname);
  });
  await page.goto("/admin/articles?status=PUBLISHED");
  await page.waitForLoadState("networkidle");
  expect(prefetched, "links in view are not prefetched").toEqual([]);

  // Reaching for a link (pointer over it) prefetches that page, and only that one; clicking it then opens it.
  const edit = page.getByRole("row").nth(1).getByRole("link", { name: "编辑" });
  const target = new URL((await edit.getAttribute("href"))!, page.url()).pathname;
  await edit.hover();
  await expect.poll(() => prefetched).toEqual([target]);
  await edit.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.getByLabel("标题", { exact: true })).toBeVisible();
});

test("published articles cannot be deleted from the list", async ({ page }) => {
  await page.goto("/admin/articles?status=PUBLISHED");
  const first = page.getByRole("row").nth(1);
  await expect(first.getByRole("link", { name: "编辑" })).toBeVisible();
  await expect(first.getByRole("button", { name: "删除" })).toHaveCount(0);
});

test("revisions show who saved what, a readable difference, and restore an old version as a new one", async ({ page }) => {
  const id = await newArticle(page, "修订测试", "最初的文字。");
  await body(page).click();
  await page.keyboard.press("End");
  await page.keyboard.type("第二次保存加上的文字。");
  await page.keyboard.press("Control+s");
  await expectSaved(page);

  await page.getByRole("link", { name: "修订记录" }).click();
  await expect(page).toHaveURL(`/admin/articles/${id}/revisions`);
  await expect(page.getByRole("row", { name: /第 2 版/ })).toContainText("编辑小王");
  const diff = page.getByTestId("diff-view");
  await expect(diff.locator("ins")).toHaveText("第二次保存加上的文字。");

  await page.getByRole("row", { name: /第 1 版/ }).getByRole("button", { name: "恢复此版本" }).click();
  await page.getByTestId("restore-dialog").getByRole("button", { name: "确认恢复" }).click();
  await expect(page).toHaveURL(`/admin/articles/${id}`);
  await expect(body(page)).toHaveText("最初的文字。");
  await page.goto(`/admin/articles/${id}/revisions`);
  await expect(page.getByRole("row", { name: /第 3 版/ })).toContainText("恢复自第 1 版");
});

test("the preview shows the article as the public page will, at desktop and phone width, without counting a view", async ({ page }) => {
  const id = await newArticle(page, "预览测试：城市绿化", "预览中的正文。");
  await page.goto(`/admin/articles/${id}/preview`);
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.getByRole("heading", { level: 1, name: "预览测试：城市绿化" })).toBeVisible();
  await expect(frame.locator(".article-body")).toHaveText("预览中的正文。");
  await page.getByRole("button", { name: "手机" }).click();
  await expect(page.getByTestId("preview-frame")).toHaveCSS("width", "390px");
  await expect(frame.getByRole("heading", { level: 1, name: "预览测试：城市绿化" })).toBeVisible();
  // A draft has no public page.
  expect((await page.request.get(`/articles/${id}`)).status()).toBe(404);
});
