import { expect, type Page } from "@playwright/test";
import { accounts, type AccountName } from "./accounts";

/** Logs in through the real login form. */
export async function loginAs(page: Page, who: AccountName, callbackUrl = "/admin/articles") {
  const { email, password } = accounts[who];
  await page.goto(`/admin/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(callbackUrl.replace(/[?]/g, "\\?")));
}
