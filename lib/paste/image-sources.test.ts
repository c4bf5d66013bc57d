// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { pendingImageCount, withoutUnusableImages } from "@/lib/articles/editor-model";
import { articleContentSchema } from "@/lib/articles/schema";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import { droppedImagesMessage } from "./dropped-message";
import { dropUnusablePastedImages } from "./foreign-slice";
import { classifyImageSrc, decodeDataImage } from "./image-sources";

// A 1×1 PNG.
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

describe("classifyImageSrc", () => {
  it.each([
    ["/media/images/2026/a/w960.jpg", "ready"],
    ["https://mmbiz.qpic.cn/a.jpg", "ready"],
    ["http://www.gov.cn/a.png", "ready"],
    [PNG, "upload"],
    ["data:image/jpeg;base64,/9j/4AAQSkZJRg==", "upload"],
  ])("%s → %s", (src, kind) => {
    expect(classifyImageSrc(src).kind).toBe(kind);
  });

  it.each([
    ["file:///C:/Users/zhang/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png", "local-file"],
    ["C:\\Users\\zhang\\照片.png", "local-file"],
    ["\\\\fileserver\\share\\a.png", "local-file"],
    ["data:image/png;base64,!!!not base64!!!", "damaged-data"],
    ["data:image/svg+xml,<svg onload=alert(1)>", "damaged-data"],
    ["data:text/html;base64,PHNjcmlwdD4=", "damaged-data"],
    ["images/2026/photo.png", "unknown-address"],
    ["../uploads/a.png", "unknown-address"],
    ["//cdn.example.com/a.png", "unknown-address"],
    ["/\\evil.example/a.png", "unknown-address"],
    ["javascript:alert(1)", "unknown-address"],
    ["", "unknown-address"],
    [null, "unknown-address"],
  ])("%s is unusable: %s", (src, reason) => {
    expect(classifyImageSrc(src)).toEqual({ kind: "unusable", reason });
  });

  it("a blob: address is uploadable only when it is the editor's own file", () => {
    const own = "blob:http://127.0.0.1/1b2c";
    expect(classifyImageSrc(own, (s) => s === own).kind).toBe("upload");
    expect(classifyImageSrc("blob:https://other.example/9f8e", (s) => s === own)).toEqual({ kind: "unusable", reason: "other-page" });
  });

  it("decodes the bytes of a data: image, and nothing else", () => {
    expect(decodeDataImage(PNG)?.bytes.slice(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
    expect(decodeDataImage(PNG)?.type).toBe("image/png");
    expect(decodeDataImage("data:image/png;base64,!!!")).toBeNull();
    expect(decodeDataImage("data:image/png;base64,")).toBeNull();
  });
});

describe("a paste from another ProseMirror editor (data-pm-slice)", () => {
  const slice = (...imgs: string[]) =>
    `<meta charset="utf-8"><p data-pm-slice="1 1 []">外站正文</p>${imgs.map((src) => `<figure class="article-figure"><img src="${src}" alt="图"><figcaption>图注</figcaption></figure>`).join("")}`;

  it("keeps its markup as it is when every picture can be read", () => {
    const html = slice("/media/images/2026/a/w960.jpg", PNG);
    expect(dropUnusablePastedImages(html, () => false)).toEqual({ html, dropped: [] });
  });

  it("drops pictures that cannot be read, with their figure and caption, and says why", () => {
    const html = slice("blob:https://other.example/9f8e", "file:///C:/a.png", "images/a.png", "data:image/png;base64,!!!", PNG);
    const result = dropUnusablePastedImages(html, () => false);
    expect(result.dropped).toEqual(["other-page", "local-file", "unknown-address", "damaged-data"]);
    expect(result.html).toContain('data-pm-slice="1 1 []"');
    expect(result.html.match(/<img/g)).toHaveLength(1);
    expect(result.html.match(/图注/g)).toHaveLength(1);
    expect(result.html).toContain(PNG);
  });

  it("tells the editor in words", () => {
    expect(droppedImagesMessage({ "other-page": 1, "unknown-address": 2 })).toBe(
      "3 张图片无法读取，已去掉（1 张是已失效的临时图片（来自其他网页或刷新前的页面）、2 张图片地址不完整），请另行上传这些图片",
    );
  });
});

describe("saving a body with such pictures", () => {
  const image = (src: string): RichTextNode => ({ type: "image", attrs: { src, alt: "图" } });
  const doc = (...content: RichTextNode[]): RichTextNode => ({ type: "doc", content });
  const cell = (...content: RichTextNode[]): RichTextNode => ({ type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", content }] }] });

  it("waits only for pictures that are really uploading", () => {
    expect(pendingImageCount(doc(image("blob:http://x/1"), image(PNG), image("file:///a.png"), image("images/a.png"), image("/media/a.jpg")))).toBe(2);
  });

  it("drops unreadable pictures instead of refusing the save for ever", () => {
    const body = doc({ type: "paragraph", content: [{ type: "text", text: "正文" }] }, image("file:///a.png"), image("/media/a.jpg"), cell(image("images/a.png")));
    expect(withoutUnusableImages(body)).toEqual(doc({ type: "paragraph", content: [{ type: "text", text: "正文" }] }, image("/media/a.jpg"), cell({ type: "paragraph" })));
    const parsed = articleContentSchema.safeParse({ title: "标题", columnId: 1, bodyJson: body });
    expect(parsed.success).toBe(true);
    expect(articleContentSchema.safeParse({ title: "标题", columnId: 1, bodyJson: doc(image("blob:http://x/1")) }).error?.issues[0].message).toBe("还有图片正在上传，请稍候再保存。");
  });
});
