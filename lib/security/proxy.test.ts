import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";
import { isNextPath, matchPublicRoute } from "@/lib/site/routes";
import { SESSION_IDLE_S, SESSION_MAX_AGE_S, nowSeconds } from "@/lib/auth/session-policy";

/**
 * proxy.ts on its own: the admin guard with idle and absolute expiry, activity recorded
 * in the cookie, the oversized-action answer, and the headers of each kind of response.
 */
const SECRET = "proxy-test-secret-proxy-test-secret-0123456789";
const COOKIE = "next-auth.session-token";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
});

async function request(path: string, token?: Record<string, unknown>, init: { method?: string; headers?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (token) headers.set("cookie", `${COOKIE}=${await encode({ token, secret: SECRET, maxAge: SESSION_MAX_AGE_S })}`);
  return proxy(new NextRequest(new URL(path, "http://gazette.test"), { method: init.method ?? "GET", headers }));
}

const live = (over: Record<string, number> = {}) => ({ uid: 7, sv: 0, loginAt: nowSeconds() - 600, seenAt: nowSeconds() - 10, ...over });

describe("proxy", () => {
  it("sends an anonymous visitor of the admin to the login page, with the way back", async () => {
    const response = await request("/admin/articles?page=2");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://gazette.test/admin/login?callbackUrl=%2Fadmin%2Farticles%3Fpage%3D2");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("lets a live session through, and records activity at most once a minute", async () => {
    const quiet = await request("/admin/articles", live());
    expect(quiet.status).toBe(200);
    expect(quiet.headers.get("x-middleware-next")).toBe("1");
    expect(quiet.cookies.get(COOKIE)).toBeUndefined();
    const touched = await request("/admin/articles", live({ seenAt: nowSeconds() - 5 * 60 }));
    const cookie = touched.cookies.get(COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", maxAge: SESSION_MAX_AGE_S });
  });

  it(`ends a session idle for ${SESSION_IDLE_S / 60} minutes, or older than 12 hours however active`, async () => {
    for (const token of [live({ seenAt: nowSeconds() - SESSION_IDLE_S - 5 }), live({ loginAt: nowSeconds() - SESSION_MAX_AGE_S - 5, seenAt: nowSeconds() })]) {
      const response = await request("/admin/articles", token);
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toContain("/admin/login?callbackUrl=%2Fadmin%2Farticles&expired=1");
      // The dead cookie is cleared.
      expect(response.headers.get("set-cookie")).toMatch(new RegExp(`${COOKIE}=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)`));
    }
  });

  it("leaves server actions to answer for themselves, and refuses oversized ones with a clear 413", async () => {
    const action = await request("/admin/articles", undefined, { method: "POST", headers: { "next-action": "abc", "content-length": "100" } });
    expect(action.status).toBe(200);
    const big = await request("/admin/articles", live(), { method: "POST", headers: { "next-action": "abc", "content-length": String(3 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain("提交的内容过大（超过 2 MB）");
  });

  it("gives the admin a nonce policy, and tells the render the path and the nonce", async () => {
    const response = await request("/admin/login");
    const policy = response.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)![1];
    expect(policy).toContain("frame-ancestors 'none'");
    // Request headers handed to the render travel as x-middleware-request-*.
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(response.headers.get("x-middleware-request-x-gazette-path")).toBe("/admin/login");
    expect(response.headers.get("x-middleware-request-content-security-policy")).toContain(`'nonce-${nonce}'`);
  });

  it("cannot be fooled into a security-step bypass by a client-sent path header", async () => {
    const response = await request("/admin/articles", live(), { headers: { "x-gazette-path": "/admin/account" } });
    expect(response.headers.get("x-middleware-request-x-gazette-path")).toBe("/admin/articles");
  });

  it("adds HSTS only over HTTPS", async () => {
    expect((await request("/preview/articles/1")).headers.get("strict-transport-security")).toBeNull();
    const https = await request("/preview/articles/1", undefined, { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(https.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });
});

describe("the paths the proxy runs on", () => {
  const runsProxy = (path: string) => config.matcher.some((source) => new RegExp(`^${source}$`).test(path));

  it("are every path Next.js answers (lib/site/routes.ts) but its static files and the two upload endpoints", () => {
    for (const path of ["/admin", "/admin/articles", "/admin/login", "/api/auth/session", "/api/health", "/preview/articles/1", "/media/a.webp", "/api/articles/import/x"]) {
      expect(isNextPath(path), path).toBe(true);
      expect(runsProxy(path), path).toBe(true);
    }
    // The public site never reaches Next.js: the app server answers it (lib/server/public-site.ts).
    for (const path of ["/", "/articles/1", "/columns/news/page/2", "/sitemaps/3.xml", "/feed.xml", "/search", "/articles/1/download", "/site.js"]) {
      expect(matchPublicRoute(path), path).not.toBeNull();
      expect(isNextPath(path), path).toBe(false);
    }
    expect(isNextPath("/no-such-page")).toBe(false);
    // Upload endpoints: the proxy would buffer their bodies (next.config.js gives them the API headers).
    expect(runsProxy("/api/media")).toBe(false);
    expect(runsProxy("/api/articles/import")).toBe(false);
    expect(runsProxy("/_next/static/chunks/a.js")).toBe(false);
  });
});
