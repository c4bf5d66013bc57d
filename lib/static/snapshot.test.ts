import path from "node:path";
import { describe, expect, it } from "vitest";
import { dynamicPublicPolicy } from "@/lib/security/csp-core.mjs";
import { fileForPath, nginxSecurityHeaders, staticRoot } from "./snapshot";

describe("the static snapshot", () => {
  it("maps public paths to files and never stores search, the admin, the API or media", () => {
    expect(fileForPath("/")).toBe(path.join(staticRoot(), "index.html"));
    expect(fileForPath("/articles/12?x=1")).toBe(path.join(staticRoot(), "articles/12/index.html"));
    expect(fileForPath("/columns/news/feed.xml")).toBe(path.join(staticRoot(), "columns/news/feed.xml"));
    for (const p of ["/search", "/admin/articles", "/api/views", "/media/a.webp", "/../etc/passwd", "relative"]) expect(fileForPath(p), p).toBeNull();
  });

  it("gives nginx the headers the app sends with its cached pages, as directives", () => {
    const conf = nginxSecurityHeaders();
    const lines = conf.split("\n").filter((l) => l && !l.startsWith("#"));
    for (const line of lines) expect(line).toMatch(/^add_header [a-z-]+ "[^"\\]+" always;$/);
    const csp = /add_header content-security-policy "([^"]+)"/.exec(conf)?.[1] ?? "";
    // Same-origin scripts and the preferences snippet: the public pages' policy without a nonce.
    expect(csp.split("; ").find((d) => d.startsWith("script-src"))).toMatch(/^script-src 'self' 'sha256-[A-Za-z0-9+/=]+'$/);
    expect(dynamicPublicPolicy("n")).toContain(/'sha256-[A-Za-z0-9+/=]+'/.exec(csp)![0]);
    expect(conf).toContain('add_header x-content-type-options "nosniff" always;');
    expect(conf).toContain('add_header x-frame-options "SAMEORIGIN" always;');
  });
});
