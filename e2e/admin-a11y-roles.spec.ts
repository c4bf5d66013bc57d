import { expect, test, type Page } from "@playwright/test";
import { body, expectSaved, newArticle } from "./authoring-helpers";
import type { AccountName } from "./helpers/accounts";
import { checkAtEveryWidth, submitWithoutBrowserValidation, WALK_CONTEXT } from "./helpers/a11y";
import { loginAs } from "./helpers/login";
import { act, openActionForm, workflowStatus } from "./helpers/workflow";

/**
 * The pages an editor and a reviewer see, as each of them, at a desktop and a phone
 * width (admin-a11y.spec.ts walks every page as an admin): their 工作台, the article
 * list (with data and empty), an article of the walk's own in review with its changes,
 * preview and 审签单, and the states they meet there (the picture dialog, the review
 * panel's comment form, its validation error).
 */

/** The pages an editor sees ("{id}": the walk's own article in review). */
const EDITOR_PAGES: [string, string][] = [
  ["工作台", "/admin"],
  ["article list", "/admin/articles"],
  ["article list, empty", "/admin/articles?q=无此标题的文章"],
  ["new article (empty editor)", "/admin/articles/new"],
  ["article in review", "/admin/articles/{id}"],
  ["its changes (diff)", "/admin/articles/{id}/revisions"],
  ["its preview", "/admin/articles/{id}/preview"],
  ["its 审签单", "/admin/articles/{id}/approval-form"],
  ["站内消息", "/admin/messages"],
  ["媒体库", "/admin/media"],
  ["account", "/admin/account"],
];

/** Who else is walked, and the pages each sees: a reviewer the editor's, but for writing a new article. */
const ROLE_PAGES: Record<Extract<AccountName, "editor" | "reviewer">, [string, string][]> = {
  editor: EDITOR_PAGES,
  reviewer: EDITOR_PAGES.filter(([, route]) => route !== "/admin/articles/new"),
};

test.describe("as an editor and a reviewer", () => {
  let articleId = 0;

  test.beforeAll(async ({ browser }) => {
    // An article of the walk's own, saved twice (so that its revisions show a difference) and in review.
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAs(page, "editor", "/admin/articles");
    articleId = await newArticle(page, `无障碍走查稿${Date.now() % 1_000_000}`, "第一段正文。");
    await body(page).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("第二次保存时补充的内容。");
    await page.keyboard.press("Control+s");
    await expectSaved(page);
    await page.reload();
    await act(page, "提交审核", "请审核");
    await expect(workflowStatus(page)).toHaveText("审核中");
    await context.close();
  });

  for (const who of Object.keys(ROLE_PAGES) as (keyof typeof ROLE_PAGES)[]) {
    test.describe(`${who} at every width`, () => {
      let page: Page;
      test.beforeAll(async ({ browser }) => {
        const context = await browser.newContext(WALK_CONTEXT);
        page = await context.newPage();
        await loginAs(page, who, "/admin/account");
      });
      test.afterAll(async () => {
        await page?.context().close();
      });

      for (const [name, route] of ROLE_PAGES[who]) {
        test(`${who}: ${name}`, async () => {
          const url = route.replace("{id}", String(articleId));
          const response = await page.goto(url);
          expect(response?.status(), `${url} answered ${response?.status()}`).toBeLessThan(400);
          await checkAtEveryWidth(page, `${who} ${name}`);
        });
      }

      if (who === "editor") {
        test("editor: state: the picture dialog open", async () => {
          await page.goto("/admin/articles/new");
          await page.getByRole("toolbar", { name: "正文格式" }).getByRole("button", { name: "插入图片" }).click();
          await expect(page.getByRole("dialog", { name: "插入图片" })).toBeVisible();
          await checkAtEveryWidth(page, "editor state: picture dialog");
          await page.keyboard.press("Escape");
        });
      }

      if (who === "reviewer") {
        test("reviewer: state: the review panel's return form, then its validation error", async () => {
          await page.goto(`/admin/articles/${articleId}`);
          const panel = page.getByRole("region", { name: "审核与发布" });
          const comment = await openActionForm(page, "退回修改");
          await expect(comment).toHaveAccessibleName(/退回意见/);
          await expect(comment).toBeFocused();
          await checkAtEveryWidth(page, "reviewer state: return form");
          // Sent empty past the browser's own check: the server's message, tied to the field.
          await submitWithoutBrowserValidation(panel.locator("form.workflow-form"));
          const error = panel.getByRole("alert");
          await expect(error).toHaveText("请填写退回意见。");
          await expect(comment).toHaveAttribute("aria-invalid", "true");
          await expect(comment).toHaveAccessibleDescription("请填写退回意见。");
          await checkAtEveryWidth(page, "reviewer state: return form error");
          await panel.getByRole("button", { name: "取消" }).click();
          await expect(workflowStatus(page)).toHaveText("审核中");
        });
      }
    });
  }
});
