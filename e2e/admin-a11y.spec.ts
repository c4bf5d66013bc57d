import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { checkAtEveryWidth, resizeTo, submitWithoutBrowserValidation, WALK_CONTEXT, WIDTHS } from "./helpers/a11y";
import { loginAs } from "./helpers/login";

/**
 * Every admin page, at a desktop and a phone width, as an admin sees it: no WCAG 2.1
 * A/AA violations axe can find, and at 390 px no sideways page scroll. The list of pages
 * is read from app/admin at test time, so a new page is checked without anyone adding it
 * here; a dynamic segment is filled with the first object its list page links to, and a
 * page whose segment cannot be filled fails, naming the page.
 *
 * Each worker that takes part of the walk logs in once and reuses its page for every
 * route, each loaded once and checked at both widths. A few states are checked too:
 * validation errors shown, confirmation dialogs open (article, column, user disable,
 * topic delete with its refusal). What editors and reviewers see is walked as them in
 * admin-a11y-roles.spec.ts.
 */

const ADMIN_DIR = path.join(process.cwd(), "app", "admin");

/** app/admin/**\/page.tsx as URL patterns: "/admin/articles/[id]/revisions". Route groups "(x)" are not in the URL. */
function adminRoutes(): string[] {
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue; // private folders, parallel slots
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
        routes.push(["/admin", ...segments].join("/"));
      }
    }
  };
  walk(ADMIN_DIR, []);
  return routes.sort();
}

const ROUTES = adminRoutes();

/** Fills each dynamic segment from the list page above it: the first link to "<list>/<value>" that is not another page. */
async function resolveRoute(page: Page, route: string, cache: Map<string, string>): Promise<string> {
  const segments = route.split("/");
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (!segment.startsWith("[")) continue;
    if (segment !== "[id]") throw new Error(`${route}: no way to fill the dynamic segment ${segment} — teach e2e/admin-a11y.spec.ts how`);
    const list = segments.slice(0, i).join("/");
    let value = cache.get(list);
    if (!value) {
      await page.goto(list);
      const staticChildren = new Set(ROUTES.filter((r) => r.startsWith(`${list}/`)).map((r) => r.slice(list.length + 1).split("/")[0]));
      const hrefs = await page.locator(`main a[href^="${list}/"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      value = hrefs
        .map((h) => h.slice(list.length + 1).split(/[/?#]/)[0])
        .find((v) => v && !staticChildren.has(v));
      if (!value) throw new Error(`${route}: ${list} links to no object to fill ${segment} with (seed one, or teach e2e/admin-a11y.spec.ts how)`);
      cache.set(list, value);
    }
    segments[i] = value;
  }
  return segments.join("/");
}

/** One login (again only after a failed test restarted the worker and so the page). */
async function ensureLogin(page: Page) {
  if ((await page.context().cookies()).some((c) => c.name.includes("session-token"))) return;
  // A callback URL that the login page's own URL (?callbackUrl=%2Fadmin%2Faccount) cannot match, so this waits for the redirect.
  await loginAs(page, "admin", "/admin/account");
}

test("every admin page is known to this spec's route walk", () => {
  expect(ROUTES).toContain("/admin");
  expect(ROUTES).toContain("/admin/login");
  expect(ROUTES.length).toBeGreaterThan(10);
});

test.describe("admin accessibility at every width", () => {
  // Each page is a test of its own that any free worker may take (each worker logs in once),
  // so that the walk fills the workers the lines of journeys leave idle.
  test.describe.configure({ mode: "parallel" });
  let page: Page;
  const ids = new Map<string, string>();

  test.beforeAll(async ({ browser }) => {
    // AxeBuilder needs a page from an explicit context (browser.newPage() is refused).
    const context = await browser.newContext(WALK_CONTEXT);
    page = await context.newPage();
  });
  test.afterAll(async () => {
    await page?.context().close();
  });

  // Logged out, in a window of its own: the shared page is logged in.
  test("/admin/login", async ({ browser }) => {
    const context = await browser.newContext(WALK_CONTEXT);
    const loggedOut = await context.newPage();
    await loggedOut.goto("/admin/login");
    await checkAtEveryWidth(loggedOut, "/admin/login");
    await context.close();
  });

  for (const route of ROUTES.filter((r) => r !== "/admin/login")) {
    test(route, async () => {
      await ensureLogin(page);
      const url = await resolveRoute(page, route, ids);
      const response = await page.goto(url);
      expect(response?.status(), `${route} (${url}) answered ${response?.status()}`).toBeLessThan(400);
      await expect(page).toHaveURL(new RegExp(`${url.replace(/[?]/g, "\\?")}$`));
      await checkAtEveryWidth(page, route);
    });
  }

  test("the header keeps the menu one row and the account on the dark bar", async () => {
    await ensureLogin(page);
    await page.goto("/admin");
    for (const width of WIDTHS) {
      await resizeTo(page, width);
      const header = await page.locator("header.admin-header").boundingBox();
      const logout = await page.getByRole("button", { name: "退出登录" }).boundingBox();
      expect(header && logout, "header and logout button are rendered").toBeTruthy();
      // Inside the dark bar, not wrapped below it as white text on the light page.
      expect(logout!.y).toBeGreaterThanOrEqual(header!.y);
      expect(logout!.y + logout!.height).toBeLessThanOrEqual(header!.y + header!.height);
      // Every menu item on one line, not squeezed into a column of single characters.
      const links = page.getByRole("navigation", { name: "管理导航" }).getByRole("link");
      const tops = new Set<number>();
      for (const box of await links.evaluateAll((as) => as.map((a) => a.getBoundingClientRect()))) {
        tops.add(Math.round(box.top));
        expect(box.height, "a menu item is a single line").toBeLessThan(32);
      }
      expect(tops.size, "the menu is one row").toBe(1);
    }
    await resizeTo(page, WIDTHS[0]);
  });

  test("state: the new-user form with its validation errors", async () => {
    await ensureLogin(page);
    await page.goto("/admin/users/new");
    await submitWithoutBrowserValidation(page.locator("main form").first());
    await expect(page.locator("main .field-error").first()).toBeVisible();
    await checkAtEveryWidth(page, "state: new user errors");
  });

  test("state: the new-column form with a bad slug", async () => {
    await ensureLogin(page);
    await page.goto("/admin/columns");
    // The new-column form sits in a <details>, closed once columns exist.
    const details = page.locator("main details").filter({ has: page.locator('input[name="slug"]') });
    if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await details.locator("summary").click();
    const form = page.locator("main form").filter({ has: page.locator('input[name="slug"]') }).first();
    await form.locator('input[name="name"]').fill("无障碍测试");
    await form.locator('input[name="slug"]').fill("Bad Slug!");
    await submitWithoutBrowserValidation(form);
    await expect(form.locator(".field-error").first()).toBeVisible();
    await checkAtEveryWidth(page, "state: column slug error");
  });

  test("state: the article list's delete confirmation open", async () => {
    await ensureLogin(page);
    // Only never-published articles can be deleted: copy one (a copy is a new draft) and
    // delete that copy, never a draft a journey running beside this walk is writing.
    await page.goto("/admin/articles");
    await page.locator("main").getByRole("button", { name: "复制", exact: true }).first().click();
    await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
    const copyId = /\/admin\/articles\/(\d+)$/.exec(page.url())![1];
    await page.goto("/admin/articles?status=DRAFT");
    const copyRow = page.locator("main tr", { has: page.locator(`a[href="/admin/articles/${copyId}"]`) });
    await copyRow.getByRole("button", { name: "删除", exact: true }).click();
    const dialog = page.getByTestId("delete-dialog");
    await expect(dialog).toBeVisible();
    await checkAtEveryWidth(page, "state: article delete dialog");
    // Delete the copy: the dialog's confirm button works too.
    await dialog.locator(".button-danger").click();
    await expect(dialog).toBeHidden();
  });

  test("state: a column's delete confirmation open", async () => {
    await ensureLogin(page);
    // A hidden column of the walk's own, deleted through the dialog: nobody else's is touched.
    const slug = `a11y-walk-${Date.now() % 1_000_000}`;
    await page.goto("/admin/columns");
    const details = page.locator("main details").filter({ has: page.locator('input[name="slug"]') });
    if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await details.locator("summary").click();
    const form = page.locator("main form").filter({ has: page.locator('input[name="slug"]') }).first();
    await form.locator('input[name="name"]').fill("无障碍走查");
    await form.locator('input[name="slug"]').fill(slug);
    await form.locator('input[name="hidden"]').check();
    await form.locator('button[type="submit"]').first().click();
    const row = page.getByTestId(`column-row-${slug}`);
    await expect(row).toBeVisible();
    await row.getByRole("link", { name: /^编辑/ }).click();
    await page.getByRole("button", { name: "删除", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "删除栏目" });
    await expect(dialog).toBeVisible();
    // The harmless answer has the focus: Enter does not delete.
    await expect(dialog.getByRole("button", { name: "取消" })).toBeFocused();
    await checkAtEveryWidth(page, "state: column delete dialog");
    await dialog.getByRole("button", { name: "确认删除" }).click();
    await expect(page).toHaveURL(/\/admin\/columns$/);
    await expect(page.getByTestId(`column-row-${slug}`)).toHaveCount(0);
  });

  test("state: a user's disable confirmation open", async () => {
    await ensureLogin(page);
    await page.goto("/admin/users");
    await page.getByRole("row", { name: /editor@e2e\.test/ }).getByRole("link").first().click();
    const disable = page.getByRole("button", { name: "停用账号" });
    await disable.click();
    const dialog = page.getByRole("dialog", { name: "停用账号" });
    await expect(dialog.getByRole("button", { name: "取消" })).toBeFocused();
    await checkAtEveryWidth(page, "state: user disable dialog");
    // Not confirmed: the journeys log in as this editor. 取消 leaves the account as it was.
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(dialog).toBeHidden();
    await expect(disable).toBeFocused();
  });

  test("state: a topic's delete confirmation open, then with the refusal shown", async () => {
    await ensureLogin(page);
    await page.goto("/admin/topics");
    // In use by the seed's documents, so the server refuses: nothing is deleted.
    await page.getByRole("button", { name: "删除“综合政务”" }).click();
    const dialog = page.getByRole("dialog", { name: "删除主题分类" });
    await expect(dialog.getByRole("button", { name: "取消" })).toBeFocused();
    await checkAtEveryWidth(page, "state: topic delete dialog");
    await dialog.getByRole("button", { name: "确认删除" }).click();
    await expect(dialog.getByRole("alert")).toContainText("不能删除");
    await checkAtEveryWidth(page, "state: topic delete refused");
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(dialog).toBeHidden();
  });

  test("state: the change-password form with its validation errors", async () => {
    await ensureLogin(page);
    await page.goto("/admin/account");
    const form = page.locator("main form").filter({ has: page.locator('input[type="password"]') }).first();
    await submitWithoutBrowserValidation(form);
    await expect(form.locator(".field-error, [role=alert]").first()).toBeVisible();
    await checkAtEveryWidth(page, "state: change password errors");
  });
});
