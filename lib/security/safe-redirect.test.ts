import { describe, expect, it } from "vitest";
import { AFTER_LOGIN, safeRedirectPath } from "./safe-redirect";

/**
 * Where the browser goes after login. Browsers drop tabs and newlines from a URL and
 * read "\" as "/", so "/\t/evil.example" is "//evil.example": another site. Only a
 * path of this site survives; anything else is the default page.
 */
describe("safeRedirectPath", () => {
  const kept: [string, string][] = [
    ["/admin/articles", "/admin/articles"],
    ["/admin/articles?page=2&status=draft", "/admin/articles?page=2&status=draft"],
    ["/admin/account#two-factor", "/admin/account#two-factor"],
    ["/articles/12", "/articles/12"],
    ["/admin/search?q=%E4%B9%8C%E6%B5%B7", "/admin/search?q=%E4%B9%8C%E6%B5%B7"],
    // Same origin, written out in full: kept as its path.
    ["http://gazette.test/admin/users", "/admin/users"],
    // Dot segments are resolved the way the browser will.
    ["/admin/../admin/media", "/admin/media"],
  ];
  it.each(kept)("keeps %j as %j", (target, path) => {
    expect(safeRedirectPath(target, "http://gazette.test")).toBe(path);
  });

  const refused: [string, string][] = [
    ["tab", "/\t/evil.example"],
    ["tab before the slashes", "\t//evil.example"],
    ["newline", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["backslash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["slash backslash with tab", "/\t\\evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/admin"],
    ["three slashes", "///evil.example"],
    ["dot segment that leaves two slashes", "/.//evil.example"],
    ["absolute http", "http://evil.example/"],
    ["absolute https", "https://evil.example/admin/articles"],
    ["same host, other port", "http://gazette.test:8080/admin"],
    ["same host, other scheme", "https://gazette.test/admin"],
    ["the login page itself", "/admin/login?callbackUrl=/admin/users"],
    ["userinfo trick", "http://gazette.test@evil.example/"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["scheme without slashes", "http:evil.example"],
    ["relative path", "admin/articles"],
    ["empty", ""],
    ["leading space", " //evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["non-breaking space", "\u00a0//evil.example"],
  ];
  it.each(refused)("refuses %s", (_name, target) => {
    expect(safeRedirectPath(target, "http://gazette.test")).toBe(AFTER_LOGIN);
  });

  it("refuses the decoded forms the login page receives from ?callbackUrl=%2F%09%2Fevil.example and its cousins", () => {
    for (const encoded of ["%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%5Cevil.example", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example"]) {
      expect(safeRedirectPath(decodeURIComponent(encoded), "http://gazette.test")).toBe(AFTER_LOGIN);
    }
  });

  it("refuses what is not a string, or is very long, and takes a default of the caller's", () => {
    expect(safeRedirectPath(undefined, "http://gazette.test")).toBe(AFTER_LOGIN);
    // Staff land on 工作台 when no page sent them to log in.
    expect(AFTER_LOGIN).toBe("/admin");
    expect(safeRedirectPath(["/admin/users"], "http://gazette.test")).toBe(AFTER_LOGIN);
    expect(safeRedirectPath(`/${"a".repeat(5000)}`, "http://gazette.test")).toBe(AFTER_LOGIN);
    expect(safeRedirectPath("//evil.example", "http://gazette.test", "/admin/login")).toBe("/admin/login");
  });
});
