import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers/login";

/**
 * Every response carries the security headers; the public article page (cached, with a
 * hash-based policy) and the admin (nonce-based) load with zero CSP violations.
 */
async function collectViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return async () => [...violations, ...((await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[])];
}

function scriptSrc(policy: string | undefined) {
  return (policy ?? "").split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
}

test("the cached public article page is plain HTML with one site script, and runs it with zero CSP violations", async ({ page }) => {
  const violations = await collectViolations(page);
  // Twice: the first visit may render it (miss), the second is served from the page cache (hit).
  for (const visit of [1, 2]) {
    const response = await page.goto("/articles/1");
    const headers = response!.headers();
    expect(headers["x-gazette-cache"], `visit ${visit}`).toMatch(/HIT|MISS/);
    const policy = headers["content-security-policy"];
    // Same-origin scripts and the one inline snippet that applies the reader's preferences: nothing else.
    expect(scriptSrc(policy)).toMatch(/^script-src 'self' 'sha256-[A-Za-z0-9+/=]+'$/);
    expect(policy).toContain("frame-ancestors 'self'");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    const html = await response!.text();
    expect(html).not.toContain("__next_f");
    expect([...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].split("?")[0])).toEqual(["/site.js"]);
  }
  // No framework runtime, and the site script ran: the view count came back from the beacon.
  expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe("undefined");
  await page.getByRole("button", { name: "正文字号：大" }).click();
  await expect(page.locator("html")).toHaveClass(/font-large/);
  await page.getByRole("button", { name: "正文字号：中" }).click();
  expect(await violations()).toEqual([]);
});

test("the home page and a 404 load with zero CSP violations", async ({ page }) => {
  const violations = await collectViolations(page);
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  const missing = await page.goto("/no-such-page");
  expect(missing!.status()).toBe(404);
  expect(scriptSrc(missing!.headers()["content-security-policy"])).not.toContain("unsafe-inline");
  await page.waitForLoadState("networkidle");
  expect(await violations()).toEqual([]);
});

test("the admin uses a fresh nonce per response, is never framed, and works with zero violations", async ({ page }) => {
  const violations = await collectViolations(page);
  const first = await page.goto("/admin/login");
  const second = await page.request.get("/admin/login");
  const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
  const policy = first!.headers()["content-security-policy"];
  expect(scriptSrc(policy)).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'$/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(first!.headers()["x-frame-options"]).toBe("DENY");
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonceOf(policy));
  await loginAs(page, "admin");
  await page.waitForLoadState("networkidle");
  expect(await violations()).toEqual([]);
});

test("every kind of response carries the security headers", async ({ request }) => {
  for (const path of ["/", "/articles/1", "/admin/login", "/api/health", "/api/media", "/sitemap.xml", "/no-such-page", "/admin/articles"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const h = response.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], path).toContain("camera=()");
    expect(h["x-frame-options"], path).toMatch(/^(DENY|SAMEORIGIN)$/);
    // Plain HTTP here: no HSTS (it is sent when SECURE_COOKIES=true or behind an HTTPS proxy).
    expect(h["strict-transport-security"], path).toBeUndefined();
  }
  const https = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
});

test("an article with an injected inline script would not run it", async ({ page }) => {
  // The policy of a cached page lists hashes, not 'unsafe-inline': a script added to the
  // page afterwards (as an XSS would) is blocked.
  const violations = await collectViolations(page);
  await page.goto("/articles/1");
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__pwned = true";
    document.body.appendChild(s);
  });
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect((await violations()).length).toBeGreaterThan(0);
});
