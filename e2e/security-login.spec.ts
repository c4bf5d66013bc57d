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

/** "账号已锁定，请于 HH:mm 后再试。…" — the lock's end in the site's time zone. */
const LOCKED = /^账号已锁定，请于 (\d{2}:\d{2}) 后再试。/;

test("five failures lock the account and the form says until when, for an unknown email alike; an admin unlocks it", async ({ page, browser }) => {
  const { email, password } = accounts.lockout;
  for (let i = 0; i < 4; i++) {
    await submitLogin(page, email, `Wrong-Password-${i}`);
    await expect(page.getByTestId("login-error")).toHaveText(BAD);
  }
  await submitLogin(page, email, "Wrong-Password-4");
  await expect(page.getByTestId("login-error")).toHaveText(LOCKED);
  // About 15 minutes from now, in Beijing time (the site's zone; this test runs in UTC).
  const until = LOCKED.exec((await page.getByTestId("login-error").textContent()) ?? "")![1];
  const [h, m] = until.split(":").map(Number);
  const beijing = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const [nowH, nowM] = beijing.format(new Date()).split(":").map(Number);
  const minutes = (h * 60 + m - (nowH * 60 + nowM) + 24 * 60) % (24 * 60);
  expect(minutes).toBeGreaterThanOrEqual(15);
  expect(minutes).toBeLessThanOrEqual(17);
  // The right password is refused too while the lock lasts, with the same message.
  await submitLogin(page, email, password);
  await expect(page.getByTestId("login-error")).toHaveText(LOCKED);
  await expect(page).toHaveURL(/\/admin\/login/);
  await page.screenshot({ path: shot("login-locked"), fullPage: true });

  // An email nobody has locks the same way: the message tells a stranger nothing about which accounts exist.
  for (let i = 0; i < 4; i++) {
    await submitLogin(page, "nobody-locked@e2e.test", `Wrong-Password-${i}`);
    await expect(page.getByTestId("login-error")).toHaveText(BAD);
  }
  await submitLogin(page, "nobody-locked@e2e.test", "Wrong-Password-4");
  await expect(page.getByTestId("login-error")).toHaveText(LOCKED);

  // The admin sees the lock on the user's page and lifts it.
  const admin = await browser.newPage();
  await loginAs(admin, "admin", "/admin/users");
  await admin.getByRole("link", { name: "锁定测试" }).click();
  await expect(admin.getByText(/该账号因连续登录失败被锁定至/)).toBeVisible();
  await admin.screenshot({ path: shot("user-locked"), fullPage: true });
  await admin.getByRole("button", { name: "解除锁定" }).click();
  await expect(admin.getByTestId("user-unlock-status")).toHaveText("已解除登录锁定，该用户现在可以登录。");
  await expect(admin.getByRole("button", { name: "解除锁定" })).toHaveCount(0);
  await admin.close();

  await submitLogin(page, email, password);
  // Staff land on 工作台 when no page sent them to log in.
  await expect(page).toHaveURL(/\/admin$/);
});

test("after login the browser stays on this site, whatever callbackUrl says", async ({ browser, baseURL }) => {
  // Browsers drop tabs and newlines from URLs and read a backslash as "/": each of these was, or could be, another site.
  for (const callbackUrl of ["%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%5Cevil.example", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example%2F"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/admin/login?callbackUrl=${callbackUrl}`);
    await page.getByLabel("邮箱").fill(accounts.editor.email);
    await page.getByLabel("密码").fill(accounts.editor.password);
    await page.getByRole("button", { name: "登录" }).click();
    // Not the other site: 工作台, as for a login with no page to return to.
    await expect(page, callbackUrl).toHaveURL(`${baseURL}/admin`);
    await context.close();
  }
  // A path of this site is kept.
  const page = await browser.newPage();
  await loginAs(page, "editor", "/admin/media");
  expect(new URL(page.url()).origin).toBe(baseURL);
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
  // Staff land on 工作台 when no page sent them to log in.
  await expect(page).toHaveURL(/\/admin$/);
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
  // Staff land on 工作台 when no page sent them to log in.
  await expect(page).toHaveURL(/\/admin$/);
  await logout(page);

  // A recovery code works once; the app's next code works.
  await submitLogin(page, email, password);
  await page.getByLabel("验证码").fill(recovery);
  await page.getByRole("button", { name: "验证" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("验证码错误或已使用，请重试。");
  await page.getByLabel("验证码").fill(totpCode(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "验证" }).click();
  // Staff land on 工作台 when no page sent them to log in.
  await expect(page).toHaveURL(/\/admin$/);
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
