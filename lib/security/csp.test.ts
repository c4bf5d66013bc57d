import { describe, expect, it } from "vitest";
import { adminPolicy, dynamicPublicPolicy, publicSitePolicy } from "./csp-core.mjs";
import { createNonce, securityHeaders } from "./headers.mjs";

describe("content security policy", () => {
  it("never allows inline scripts without a nonce or hash", () => {
    for (const policy of [adminPolicy("abc"), dynamicPublicPolicy("abc"), publicSitePolicy()]) {
      const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src"))!;
      expect(scriptSrc).not.toContain("unsafe-inline");
      expect(scriptSrc).not.toContain("unsafe-eval");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'self'");
    }
    expect(adminPolicy("abc")).toContain("script-src 'self' 'nonce-abc'");
    expect(adminPolicy("abc")).toContain("frame-ancestors 'none'");
    expect(dynamicPublicPolicy("abc")).toContain("frame-ancestors 'self'");
    // The public site: its own script file and the preferences snippet, by hash; nothing else inline.
    expect(publicSitePolicy()).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
    expect(publicSitePolicy()).toContain("frame-ancestors 'self'");
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
