import { describe, expect, it } from "vitest";
import { destinationOf, extractReferences, isCheckedPath } from "./links";

describe("extractReferences", () => {
  it("lists links, pictures with their alt text, and srcset renditions", () => {
    const html = `<p>见<a href="/articles/12">通知</a>和<a href=" https://www.gov.cn/a.html ">国务院</a><a>无地址</a></p>
      <figure><img src="/media/2026/ab/x-1200.webp" srcset="/media/2026/ab/x-640.webp 640w, /media/2026/ab/x-1200.webp 1200w" alt=" 会议现场 "></figure>
      <img src="/media/2026/cd/y.webp" alt="">`;
    expect(extractReferences(html)).toEqual([
      { kind: "link", url: "/articles/12" },
      { kind: "link", url: "https://www.gov.cn/a.html" },
      { kind: "image", url: "/media/2026/ab/x-1200.webp", alt: "会议现场" },
      { kind: "image", url: "/media/2026/ab/x-640.webp", rendition: true },
      { kind: "image", url: "/media/2026/cd/y.webp", alt: "" },
    ]);
  });

  it("reads tags and attributes in any case, the first of a repeated attribute, and unclosed or nested tags", () => {
    expect(extractReferences(`<A HREF="/articles/1" href="/articles/2"><IMG SRC="/media/a.webp" ALT="图"></A><p><a href='/columns/x'>未闭合`)).toEqual([
      { kind: "link", url: "/articles/1" },
      { kind: "link", url: "/columns/x" },
      { kind: "image", url: "/media/a.webp", alt: "图" },
    ]);
  });

  it("decodes entities in addresses", () => {
    expect(extractReferences(`<a href="/columns/notices?a=1&amp;b=2">x</a>`)).toEqual([{ kind: "link", url: "/columns/notices?a=1&b=2" }]);
  });
});

describe("destinationOf", () => {
  const site = "https://www.wuhai.gov.cn";
  it("treats site paths and the site's own absolute addresses as internal, without query or fragment", () => {
    expect(destinationOf("/articles/12?from=home#top", site)).toEqual({ type: "internal", path: "/articles/12" });
    expect(destinationOf("https://www.wuhai.gov.cn/columns/notices", site)).toEqual({ type: "internal", path: "/columns/notices" });
    expect(destinationOf("/media/2026/%E9%99%84%E4%BB%B6.pdf", site)).toEqual({ type: "internal", path: "/media/2026/附件.pdf" });
  });

  it("treats other http(s) sites as external (protocol-relative too), and ignores anchors, mail and phone links", () => {
    expect(destinationOf("http://www.gov.cn/zhengce/#p1", site)).toEqual({ type: "external", url: "http://www.gov.cn/zhengce/" });
    expect(destinationOf("//www.gov.cn/x", site)).toEqual({ type: "external", url: "https://www.gov.cn/x" });
    expect(destinationOf("http://www.wuhai.gov.cn/articles/1", site)).toEqual({ type: "external", url: "http://www.wuhai.gov.cn/articles/1" });
    for (const url of ["#top", "mailto:a@b.cn", "tel:0473-3998508", "javascript:void(0)", "not a url"]) expect(destinationOf(url, site)).toEqual({ type: "none" });
  });

  it("checks only content addresses", () => {
    expect(["/articles/1", "/columns/x", "/media/a.pdf"].every(isCheckedPath)).toBe(true);
    expect(["/search", "/sitemap", "/", "/articlesx"].some(isCheckedPath)).toBe(false);
  });
});
