import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { totpCode } from "../lib/security/totp";
import { e2eRuntime } from "./helpers/instances";
import { loginAs } from "./helpers/login";

/**
 * The governance back office, as an admin uses it: open an account for a new editor
 * with a column, end their session by disabling them, reset a lost two-factor login,
 * change the footer and see the public site follow at once, create and reorder a
 * column, find it all in the audit log.
 *
 * It leaves the site as it found it (afterAll): the footer fields back to their values,
 * its column deleted; so the public-site journeys, which compare with the reference,
 * may run before or after it. The accounts it opens stay (Gazette disables accounts,
 * it never deletes them); no other journey lists them.
 */
// Serial: later journeys read what earlier ones did (the audit log). Generous timeouts:
// the machines these journeys run on are often busy with other builds.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const stamp = Date.now().toString(36);
const newEditor = { email: `wangfang-${stamp}@wuhai.gov.cn`, name: "王芳" };

async function columnOrder(page: Page): Promise<string[]> {
  return (await page.locator("[data-testid^=column-row-] th").allTextContents()).map((s) => s.replace(/[├└]|（\d 级栏目）/g, "").trim());
}

test("an admin opens an account with a column; disabling it ends the user's session at once", async ({ page, browser }) => {
  await loginAs(page, "admin", "/admin/users");
  await page.getByRole("link", { name: "新建用户" }).click();
  await page.getByLabel("邮箱（登录账号）").fill(newEditor.email);
  await page.getByLabel("姓名").fill(newEditor.name);
  await page.getByRole("radio", { name: /^编辑/ }).check();
  await page.getByRole("checkbox", { name: "乌海要闻" }).check();
  // A weak initial password is refused on its field…
  await page.getByLabel(/初始密码/).fill("weak");
  await page.getByRole("button", { name: "新建用户" }).click();
  await expect(page.locator("#user-password-error")).toContainText("密码至少需要 12 个字符");
  // …left empty, one is generated and shown once.
  await page.getByLabel(/初始密码/).fill("");
  await page.getByRole("button", { name: "新建用户" }).click();
  const created = page.getByTestId("user-created");
  await expect(created).toContainText("用户已创建");
  const password = (await created.locator("code").textContent())!.trim();
  expect(password).toHaveLength(20);

  await page.goto("/admin/users");
  const row = page.getByRole("row", { name: new RegExp(newEditor.email) });
  await expect(row).toContainText("编辑");
  await expect(row).toContainText("乌海要闻");
  await expect(row).toContainText("待改密");

  // The new editor logs in and is asked to choose their own password first.
  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  await theirPage.goto("/admin/login");
  await theirPage.getByLabel("邮箱").fill(newEditor.email);
  await theirPage.getByLabel("密码").fill(password);
  await theirPage.getByRole("button", { name: "登录" }).click();
  await expect(theirPage).toHaveURL(/\/admin\/account/);

  // The admin disables the account: the open session stops on its next request.
  await row.getByRole("link", { name: newEditor.name }).click();
  await page.getByRole("button", { name: "停用账号" }).click();
  const disableDialog = page.getByRole("dialog", { name: "停用账号" });
  await expect(disableDialog).toHaveAccessibleDescription(`停用后，“${newEditor.name}”将立即退出所有已登录的会话，且无法再登录。确定停用吗？`);
  await expect(disableDialog.getByRole("button", { name: "取消" })).toBeFocused();
  await disableDialog.getByRole("button", { name: "确认停用" }).click();
  await expect(disableDialog).toBeHidden();
  await expect(page.getByTestId("user-toggle-status")).toHaveText("账号已停用，该用户的所有会话已失效。");
  await theirPage.goto("/admin/account");
  await expect(theirPage).toHaveURL(/\/admin\/login/);
  await theirs.close();

  // A password reset asks too: 取消 (or Esc) sends nothing; confirmed, a generated password is shown once.
  const resetButton = page.getByRole("button", { name: "重置密码" });
  await resetButton.click();
  const resetDialog = page.getByRole("dialog", { name: "重置密码" });
  await expect(resetDialog).toHaveAccessibleDescription(new RegExp(`^重置“${newEditor.name}”的密码后`));
  await page.keyboard.press("Escape");
  await expect(resetDialog).toBeHidden();
  await expect(resetButton).toBeFocused();
  await expect(page.getByTestId("generated-password")).toHaveCount(0);
  await resetButton.click();
  await resetDialog.getByRole("button", { name: "确认重置" }).click();
  await expect(resetDialog).toBeHidden();
  await expect(page.getByTestId("user-reset-status")).toHaveText("密码已重置。该用户下次登录时必须修改密码。");
  await expect(page.getByTestId("generated-password")).toBeVisible();

  // An admin cannot disable themselves: their own page says so instead of offering it.
  await page.goto("/admin/users");
  await page.getByRole("row", { name: /admin@e2e\.test/ }).getByRole("link").click();
  await expect(page.getByText("这是您自己的账号").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "停用账号" })).toHaveCount(0);
});

test("an admin resets the two-factor login of a user who lost their phone", async ({ page, browser }) => {
  const user = { email: `lisi-${stamp}@wuhai.gov.cn`, name: "李四", initial: "Maple-Lantern-Road-4", own: "Cedar-Window-Bridge-9" };
  await loginAs(page, "admin", "/admin/users/new");
  await page.getByLabel("邮箱（登录账号）").fill(user.email);
  await page.getByLabel("姓名").fill(user.name);
  await page.getByRole("radio", { name: /^编辑/ }).check();
  await page.getByRole("checkbox", { name: "乌海要闻" }).check();
  await page.getByLabel(/初始密码/).fill(user.initial);
  await page.getByRole("button", { name: "新建用户" }).click();
  await expect(page.getByTestId("user-created")).toContainText("用户已创建");

  // The user chooses their own password, then turns on two-factor login.
  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  const logIn = async (password: string) => {
    await theirPage.goto("/admin/login");
    await theirPage.getByLabel("邮箱").fill(user.email);
    await theirPage.getByLabel("密码").fill(password);
    await theirPage.getByRole("button", { name: "登录" }).click();
  };
  await logIn(user.initial);
  await expect(theirPage).toHaveURL(/\/admin\/account\?required=change-password/);
  await theirPage.getByLabel("当前密码").fill(user.initial);
  await theirPage.getByLabel("新密码", { exact: true }).fill(user.own);
  await theirPage.getByLabel("再次输入新密码").fill(user.own);
  await theirPage.getByRole("button", { name: "修改密码" }).click();
  await expect(theirPage).toHaveURL(/\/admin\/login\?changed=1/);
  await logIn(user.own);
  await expect(theirPage).toHaveURL(/\/admin$/); // 工作台
  await theirPage.goto("/admin/account");
  await theirPage.getByRole("button", { name: "启用两步验证" }).click();
  const secret = (await theirPage.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await theirPage.getByLabel(/输入应用显示的 6 位验证码/).fill(totpCode(secret));
  await theirPage.getByRole("button", { name: "确认启用" }).click();
  await theirPage.getByRole("button", { name: "我已保存恢复码" }).click();
  await expect(theirPage.getByText("已启用。登录时除密码外")).toBeVisible();

  // Phone and recovery codes lost: the admin resets it, after a confirmation.
  await page.goto("/admin/users");
  const row = page.getByRole("row", { name: new RegExp(user.email) });
  await expect(row).toContainText("两步验证");
  await row.getByRole("link", { name: user.name }).click();
  await page.getByRole("button", { name: "重置双因素认证" }).click();
  const resetDialog = page.getByRole("dialog", { name: "重置双因素认证" });
  await expect(resetDialog).toHaveAccessibleDescription(new RegExp(`^重置“${user.name}”的双因素认证后`));
  await resetDialog.getByRole("button", { name: "确认重置" }).click();
  await expect(resetDialog).toBeHidden();
  await expect(page.getByTestId("user-reset-2fa-status")).toHaveText("双因素认证已重置。该用户下次用密码登录后需重新设置两步验证。");
  await expect(page.getByRole("button", { name: "重置双因素认证" })).toHaveCount(0);
  await expect(page.locator(".gov-facts")).not.toContainText("两步验证");

  // Their session ended; the password alone lets them in again, without a code.
  await theirPage.goto("/admin/account");
  await expect(theirPage).toHaveURL(/\/admin\/login/);
  await logIn(user.own);
  await expect(theirPage).toHaveURL(/\/admin$/); // 工作台
  await theirs.close();
});

/** What the footer fields were before the journey changed them, put back in afterAll. */
const footerFields = ["ICP 备案号", "政府网站标识码", "网站维护电话"] as const;
let footerBefore: Record<string, string> | null = null;

test("an admin edits the footer; a bad 政府网站标识码 is refused; the public site shows the change at once", async ({ page }) => {
  await loginAs(page, "admin", "/admin/settings");
  const before: Record<string, string> = {};
  for (const label of footerFields) before[label] = await page.getByLabel(label).inputValue();
  footerBefore = before;
  await page.getByLabel("ICP 备案号").fill("蒙ICP备05000809号-3");
  await page.getByLabel("政府网站标识码").fill("15030");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.locator("#settings-siteCode-error")).toHaveText("政府网站标识码为 10 位字母或数字，例如 1503000001");
  await expect(page.getByLabel("政府网站标识码")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("政府网站标识码").fill("1503000002");
  await page.getByLabel("网站维护电话").fill("0473-3998509");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("settings-status")).toHaveText("设置已保存，网站页面已更新。");

  await page.goto("/");
  const footer = page.locator("footer").last();
  await expect(footer).toContainText("蒙ICP备05000809号-3");
  await expect(footer).toContainText("1503000002");
  await expect(footer).toContainText("0473-3998509");

  // The static snapshot follows too: the home page at once, every other page (here the
  // reference article and a column's listing) from the background queue.
  const { dataDir } = e2eRuntime();
  const staticFile = (...parts: string[]) => path.join(dataDir, "static", ...parts, "index.html");
  const fileText = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
  await expect.poll(() => fileText(staticFile()), { timeout: 5_000 }).toContain("1503000002");
  for (const file of [staticFile("articles", "1"), staticFile("columns", "wuhai-news")]) {
    await expect.poll(() => fileText(file), { timeout: 60_000 }).toContain("1503000002");
  }
});

test("an admin creates a column and moves it up with the keyboard; the public navigation follows", async ({ page }) => {
  await loginAs(page, "admin", "/admin/columns");
  await page.getByText("新建栏目", { exact: true }).first().click();
  await page.getByLabel("栏目名称").fill("专题专栏");
  await page.getByLabel("栏目地址").fill("Special Topics");
  const form = page.getByRole("form", { name: "新建栏目" });
  await form.getByRole("button", { name: "新建栏目" }).click();
  await expect(page.locator("#column-new-slug-error")).toContainText("栏目地址只能包含小写字母、数字和连字符");

  await page.getByLabel("栏目地址").fill(`topics-${stamp}`);
  await form.getByRole("radio", { name: "二审" }).check();
  await form.getByRole("button", { name: "新建栏目" }).click();
  await expect(page.getByTestId("column-new-status")).toContainText("栏目已创建");
  const rowOfNew = page.getByTestId(`column-row-topics-${stamp}`);
  await expect(rowOfNew).toContainText("二审");

  const before = await columnOrder(page);
  expect(before.at(-1)).toBe("专题专栏");
  await page.getByRole("button", { name: "上移“专题专栏”" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("column-tree-status")).toHaveText("已将“专题专栏”上移。");
  await expect.poll(async () => (await columnOrder(page)).indexOf("专题专栏")).toBeLessThan(before.indexOf("专题专栏"));
  const after = await columnOrder(page);
  expect(after.filter((n) => n !== "专题专栏")).toEqual(before.filter((n) => n !== "专题专栏"));
  // The focus stays on the button, so pressing again keeps moving the same column.
  await expect(page.getByRole("button", { name: "上移“专题专栏”" })).toBeFocused();

  // The public navigation lists it, before the top-level column it moved above.
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "栏目导航" }).first();
  const names = (await nav.getByRole("link").allTextContents()).map((s) => s.trim());
  expect(names).toContain("专题专栏");
  expect(names.indexOf("专题专栏")).toBeLessThan(names.indexOf("政务公开"));
});

test("the audit log shows what the admin did, and exports it as CSV for Excel", async ({ page }) => {
  await loginAs(page, "admin", "/admin/audit");
  await page.getByLabel("操作", { exact: true }).selectOption("user.*");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/action=user\.\*/);
  await expect(page.getByRole("row", { name: /新建用户/ }).first()).toBeVisible();
  await expect(page.getByRole("row", { name: /停用用户/ }).first()).toBeVisible();
  await expect(page.getByRole("row", { name: /重置双因素认证/ }).first()).toBeVisible();
  await expect(page.getByTestId("audit-retention")).toContainText("至少保留 180 天");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-log-\d{12}\.csv$/);
  const bytes = await (await file.createReadStream()).toArray();
  const csv = Buffer.concat(bytes);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString("utf8")).toContain("user.create,新建用户");
});

// Put back what the journey changed, even when a step failed half-way.
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  if (footerBefore) {
    await loginAs(page, "admin", "/admin/settings");
    for (const label of footerFields) await page.getByLabel(label).fill(footerBefore[label]);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByTestId("settings-status")).toHaveText("设置已保存，网站页面已更新。");
    await page.goto("/");
    await expect(page.locator("footer").last()).toContainText(footerBefore["政府网站标识码"]);
  }
  await loginAs(page, "admin", "/admin/columns");
  if ((await page.getByTestId(`column-row-topics-${stamp}`).count()) > 0) {
    await page.getByTestId(`column-row-topics-${stamp}`).getByRole("link", { name: "编辑 专题专栏" }).click();
    await page.getByRole("button", { name: "删除", exact: true }).click();
    await page.getByRole("dialog", { name: "删除栏目" }).getByRole("button", { name: "确认删除" }).click();
    await expect(page).toHaveURL(/\/admin\/columns$/);
    await expect(page.getByTestId(`column-row-topics-${stamp}`)).toHaveCount(0);
  }
  await page.close();
});
