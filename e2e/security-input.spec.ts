import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers/login";

/** Oversized bodies are refused before any work is done. */
test("a server action body over the 2 MB limit is refused with 413", async ({ page }) => {
  await loginAs(page, "editor", "/admin/account");
  // Learn a real action id from the page's own form, then send it a body past the limit.
  const actionRequest = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByLabel("当前密码").fill("x");
  await page.getByLabel("新密码", { exact: true }).fill("y");
  await page.getByLabel("再次输入新密码").fill("y");
  await page.getByRole("button", { name: "修改密码" }).click();
  const sample = await actionRequest;
  const response = await page.request.post(sample.url(), {
    headers: { "next-action": sample.headers()["next-action"], "content-type": "text/plain;charset=UTF-8", origin: new URL(page.url()).origin },
    data: JSON.stringify([{ currentPassword: "x".repeat(3 * 1024 * 1024) }]),
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("提交的内容过大");
});

test("an oversized upload is refused with a clear message", async ({ page }) => {
  await loginAs(page, "editor");
  const response = await page.request.post("/api/media", {
    headers: { origin: new URL(page.url()).origin, "content-type": "multipart/form-data; boundary=x" },
    data: Buffer.alloc(60 * 1024 * 1024, 0x41),
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error).toMatch(/文件不能超过 \d+ MB/);
});
