import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildRouteTable, isCachedPath } from "./cached-routes";
import { adminPolicy, cachedPublicPolicy, dynamicPublicPolicy, trustedInlineScriptHashes } from "./csp-core.mjs";
import CspCacheHandler, { readyCachedPage } from "./csp-cache-handler.mjs";
import { createNonce, securityHeaders } from "./headers.mjs";

const sha = (s: string) => `sha256-${crypto.createHash("sha256").update(s).digest("base64")}`;

const page = (nonce: string, body: string) =>
  `<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async="" nonce="${nonce}"></script>` +
  `<script nonce="${nonce}">(self.__next_f=self.__next_f||[]).push([0])</script></head>` +
  `<body><main>${body}</main><script nonce="${nonce}">self.__next_f.push([1,"payload"])</script>` +
  `<script type="application/ld+json" nonce="${nonce}">{"@type":"NewsArticle"}</script></body></html>`;

describe("content security policy", () => {
  it("never allows inline scripts without a nonce or hash", () => {
    for (const policy of [adminPolicy("abc"), dynamicPublicPolicy("abc"), cachedPublicPolicy(["sha256-x"])]) {
      const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src"))!;
      expect(scriptSrc).not.toContain("unsafe-inline");
      expect(scriptSrc).not.toContain("unsafe-eval");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'self'");
    }
    expect(adminPolicy("abc")).toContain("script-src 'self' 'nonce-abc'");
    expect(adminPolicy("abc")).toContain("frame-ancestors 'none'");
    expect(dynamicPublicPolicy("abc")).toContain("frame-ancestors 'self'");
    expect(cachedPublicPolicy(["sha256-x"])).toContain("script-src 'self' 'sha256-x'");
    expect(cachedPublicPolicy([])).toContain("frame-ancestors 'self'");
  });

  it("hashes exactly the inline scripts Next.js wrote (those with the render's nonce)", () => {
    const html = page("n0nce", "<p>正文</p>");
    expect(trustedInlineScriptHashes(html)).toEqual([sha("(self.__next_f=self.__next_f||[]).push([0])"), sha('self.__next_f.push([1,"payload"])')]);
  });

  it("never whitelists a script injected into the page content", () => {
    const injected = page("n0nce", `<script>alert(1)</script><script nonce="guess">alert(2)</script><SCRIPT nonce="x">alert(3)</SCRIPT>`);
    const hashes = trustedInlineScriptHashes(injected)!;
    expect(hashes).toHaveLength(2);
    for (const evil of ["alert(1)", "alert(2)", "alert(3)"]) expect(hashes).not.toContain(sha(evil));
  });

  it("refuses to vouch for a page rendered without a nonce (at build time)", () => {
    expect(trustedInlineScriptHashes("<html><head><script>x()</script></head></html>")).toBeNull();
    expect(trustedInlineScriptHashes("<html><body>no scripts</body></html>")).toBeNull();
  });

  it("stores the matching policy with each cached page, and drops nonce-less ones", async () => {
    const value = { kind: "APP_PAGE", html: page("abc", ""), headers: { "x-next-cache-tags": "t" } };
    expect(readyCachedPage(value)).toBe(true);
    expect((value.headers as Record<string, string>)["content-security-policy"]).toContain(sha('self.__next_f.push([1,"payload"])'));
    expect(readyCachedPage({ kind: "APP_PAGE", html: "<html><head><script>x()</script></head></html>" })).toBe(false);
    // Route handlers (feeds, sitemaps) are not HTML pages: left alone.
    expect(readyCachedPage({ kind: "APP_ROUTE", body: Buffer.from("") })).toBe(true);
    expect(typeof CspCacheHandler).toBe("function");
  });

  it("leaves the policy of cached pages to the page cache and gives every other response a nonce", () => {
    const table = buildRouteTable(
      {
        staticRoutes: [
          { page: "/", regex: "^/(?:/)?$" },
          { page: "/search", regex: "^/search(?:/)?$" },
          { page: "/_not-found", regex: "^/_not\\-found(?:/)?$" },
        ],
        dynamicRoutes: [
          { page: "/articles/[id]", regex: "^/articles/([^/]+?)(?:/)?$" },
          { page: "/media/[...key]", regex: "^/media/(.+?)(?:/)?$" },
        ],
      },
      { routes: { "/": {}, "/_not-found": {} }, dynamicRoutes: { "/articles/[id]": {} } },
    );
    expect(isCachedPath(table, "/")).toBe(true);
    expect(isCachedPath(table, "/articles/42")).toBe(true);
    expect(isCachedPath(table, "/search")).toBe(false);
    expect(isCachedPath(table, "/media/a/b.webp")).toBe(false);
    expect(isCachedPath(table, "/no/such/page")).toBe(true); // the prerendered not-found page
  });
});

describe("security headers", () => {
  it("sets nosniff, referrer and permissions policies, frame options; HSTS only over HTTPS", () => {
    const admin = securityHeaders({ admin: true, https: false });
    expect(admin).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "strict-origin-when-cross-origin" });
    expect(admin["permissions-policy"]).toContain("camera=()");
    expect(admin["strict-transport-security"]).toBeUndefined();
    const site = securityHeaders({ admin: false, https: true });
    expect(site["x-frame-options"]).toBe("SAMEORIGIN");
    expect(site["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0], "base64")).toHaveLength(16);
  });
});
