import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { totpCode } from "../lib/security/totp";
import { accounts, type AccountName } from "./helpers/accounts";
import { loginAs } from "./helpers/login";

/** Login, lockout, forced password change, two-factor login and session ending, as a person does them. */
const BAD = "邮箱或密码错误，请重试。";
/** Screenshots of the security pages, outside test-results (which every run empties). */
const shot = (name: string) => path.join(os.tmpdir(), "gazette-security-screens", `${name}.png`);

async function submitLogin(page: Page, email: string, password: string) {
  await page.goto("/admin/login");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

async function logout(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/admin\/login/);
}

test("an unknown email and a wrong password get the same answer", async ({ page }) => {
  await submitLogin(page, "nobody-here@e2e.test", "Some-Password-123");
  await expect(page.getByTestId("login-error")).toHaveText(BAD);
  await submitLogin(page, accounts.editor.email, "Some-Password-123");
  await expect(page.getByTestId("login-error")).toHaveText(BAD);
});

test("five failures lock the account for 15 minutes, without saying so to a stranger", async ({ page }) => {
  const { email, password } = accounts.lockout;
  for (let i = 0; i < 5; i++) {
    await submitLogin(page, email, `Wrong-Password-${i}`);
    await expect(page.getByTestId("login-error")).toHaveText(BAD);
  }
  // The right password is refused too while the lock lasts, with the same message.
  await submitLogin(page, email, password);
  await expect(page.getByTestId("login-error")).toHaveText(BAD);
  await expect(page).toHaveURL(/\/admin\/login/);
});

test("a user an admin created must choose a new password before anything else", async ({ page }) => {
  const { email, password } = accounts.newcomer;
  await submitLogin(page, email, password);
  await expect(page).toHaveURL(/\/admin\/account\?required=change-password/);
  await expect(page.getByTestId("security-step")).toContainText("请先设置您自己的新密码");
  // Every other page sends them back here.
  await page.goto("/admin/articles");
  await expect(page).toHaveURL(/\/admin\/account/);

  await page.getByLabel("当前密码").fill(password);
  await page.getByLabel("新密码", { exact: true }).fill("newcomer-2026!");
  await page.getByLabel("再次输入新密码").fill("newcomer-2026!");
  await page.getByRole("button", { name: "修改密码" }).click();
  // Too weak and containing the account name: refused, with the policy's words.
  await expect(page.getByText(/至少三种|账户名/).first()).toBeVisible();

  const fresh = "Quiet-Harbour-Lights-7";
  await page.getByLabel("新密码", { exact: true }).fill(fresh);
  await page.getByLabel("再次输入新密码").fill(fresh);
  await page.screenshot({ path: shot("change-password"), fullPage: true });
  await page.getByRole("button", { name: "修改密码" }).click();
  // Every session ends on a password change, this one too.
  await expect(page).toHaveURL(/\/admin\/login\?changed=1/);
  await expect(page.getByTestId("login-notice")).toHaveText("密码已修改，请使用新密码重新登录。");
  await submitLogin(page, email, fresh);
  await expect(page).toHaveURL(/\/admin\/articles/);
});

test("two-factor login: set up with a QR code, then a code or a one-time recovery code is needed", async ({ page }) => {
  const { email, password } = accounts.twofa;
  await loginAs(page, "twofa" as AccountName, "/admin/account");
  await page.getByRole("button", { name: "启用两步验证" }).click();
  await expect(page.getByRole("img", { name: "两步验证二维码" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.screenshot({ path: shot("2fa-setup"), fullPage: true });
  await page.getByLabel(/输入应用显示的 6 位验证码/).fill(totpCode(secret));
  await page.getByRole("button", { name: "确认启用" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent())!.trim();
  await page.screenshot({ path: shot("2fa-recovery-codes"), fullPage: true });
  await page.getByRole("button", { name: "我已保存恢复码" }).click();
  await expect(page.getByText("已启用。登录时除密码外")).toBeVisible();
  await logout(page);

  // The password alone is not enough any more.
  await submitLogin(page, email, password);
  await expect(page.getByLabel("验证码")).toBeVisible();
  // A fresh, empty field: the password typed before never shows up in it.
  await expect(page.getByLabel("验证码")).toHaveValue("");
  await page.screenshot({ path: shot("login-code"), fullPage: true });
  await page.getByLabel("验证码").fill("000000" === totpCode(secret) ? "111111" : "000000");
  await page.getByRole("button", { name: "验证" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("验证码错误或已使用，请重试。");
  await page.getByLabel("验证码").fill(recovery);
  await page.getByRole("button", { name: "验证" }).click();
  await expect(page).toHaveURL(/\/admin\/articles/);
  await logout(page);

  // A recovery code works once; the app's next code works.
  await submitLogin(page, email, password);
  await page.getByLabel("验证码").fill(recovery);
  await page.getByRole("button", { name: "验证" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("验证码错误或已使用，请重试。");
  await page.getByLabel("验证码").fill(totpCode(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "验证" }).click();
  await expect(page).toHaveURL(/\/admin\/articles/);
});

test("logging out ends the user's sessions everywhere at once", async ({ browser }) => {
  const office = await browser.newPage();
  const home = await browser.newPage();
  await loginAs(office, "session" as AccountName);
  await loginAs(home, "session" as AccountName);
  await logout(office);
  await home.goto("/admin/articles");
  await expect(home).toHaveURL(/\/admin\/login/);
});

test("the session cookie is HttpOnly and SameSite=Lax, and carries no readable claims", async ({ page, context }) => {
  await loginAs(page, "editor");
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  // Not Secure here (plain HTTP); SECURE_COOKIES=true makes it Secure with the __Secure- prefix.
  expect(cookie!.secure).toBe(false);
  // An encrypted JWE (5 parts), not a signed JWT anyone could read.
  expect(cookie!.value.split(".")).toHaveLength(5);
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});
