import { describe, expect, it } from "vitest";
import { oldPathKey, pathVariants } from "./old-path";

describe("oldPathKey", () => {
  it("gives every common variant of an address the same key", () => {
    const key = oldPathKey("https://www.wuhai.gov.cn/art/2023/7/30/art_123_456.html");
    expect(key).toBe("/art/2023/7/30/art_123_456.html");
    for (const variant of [
      "http://www.wuhai.gov.cn/art/2023/7/30/art_123_456.html",
      "http://wuhai.gov.cn/art/2023/7/30/art_123_456.html?from=weixin#top",
      "/art/2023/7/30/art_123_456.html",
      "/art/2023/7/30//art_123_456.html",
    ]) {
      expect(oldPathKey(variant), variant).toBe(key);
    }
  });

  it("drops a trailing slash and a directory index", () => {
    const key = oldPathKey("https://old.example.gov.cn/2023/07/30/hello/");
    expect(key).toBe("/2023/07/30/hello");
    expect(oldPathKey("http://old.example.gov.cn/2023/07/30/hello")).toBe(key);
    expect(oldPathKey("/2023/07/30/hello/index.html")).toBe(key);
    expect(oldPathKey("/2023/07/30/hello/index.htm")).toBe(key);
    expect(oldPathKey("/2023/07/30/hello/default.shtml")).toBe(key);
  });

  it("writes percent-escapes one way, whatever case or form the address used", () => {
    const key = oldPathKey("https://old.example.gov.cn/2023/%e6%96%b0%e9%97%bb/");
    expect(key).toBe("/2023/%E6%96%B0%E9%97%BB");
    expect(oldPathKey("/2023/新闻")).toBe(key);
    expect(oldPathKey("/2023/%E6%96%B0%E9%97%BB/index.html")).toBe(key);
    // A malformed escape is kept, not thrown on.
    expect(oldPathKey("/a/%zz")).toBe("/a/%25zz");
  });

  it("has no key for the home page or another scheme", () => {
    expect(oldPathKey("https://old.example.gov.cn/")).toBeNull();
    expect(oldPathKey("/index.html")).toBeNull();
    expect(oldPathKey("mailto:office@example.gov.cn")).toBeNull();
  });
});

describe("pathVariants", () => {
  it("lists the slash and index forms of a directory-like path, and its decoded form", () => {
    expect(pathVariants("/2023/%E6%96%B0")).toEqual(
      expect.arrayContaining(["/2023/%E6%96%B0", "/2023/%E6%96%B0/", "/2023/%E6%96%B0/index.html", "/2023/新", "/2023/新/"]),
    );
    expect(pathVariants("/art/2023/7/30/art_1_2.html")).toEqual(["/art/2023/7/30/art_1_2.html"]);
  });
});
