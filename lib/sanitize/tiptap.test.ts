import { describe, expect, it } from "vitest";
import { isAllowedHref } from "@/components/editor/extensions";
import { problems } from "./allowlist-check";
import { htmlToRichText, renderRichText, richTextDocSchema, richTextToPlainText, type RichTextNode } from "./tiptap";

const doc = (...content: RichTextNode[]): RichTextNode => ({ type: "doc", content });
const text = (t: string, marks?: RichTextNode["marks"]): RichTextNode => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const p = (...content: RichTextNode[]): RichTextNode => ({ type: "paragraph", content });

describe("renderRichText", () => {
  it("renders every feature of the editor to the allowlisted HTML", () => {
    const html = renderRichText(
      doc(
        { type: "heading", attrs: { level: 2, textAlign: "center" }, content: [text("一、总体要求")] },
        { type: "paragraph", attrs: { indent: false, textAlign: "right" }, content: [text("市政府办公室")] },
        p(text("加粗", [{ type: "bold" }]), text("链接", [{ type: "link", attrs: { href: "https://www.gov.cn/", target: "_blank" } }])),
        { type: "image", attrs: { src: "/media/images/x/w960.jpg", alt: "会场", caption: "会议现场", widthPercent: 50, mediaId: 7 } },
        {
          type: "table",
          content: [
            { type: "tableRow", content: [{ type: "tableHeader", attrs: { colspan: 2 }, content: [p(text("表头"))] }] },
            { type: "tableRow", content: [{ type: "tableCell", content: [p(text("甲"))] }, { type: "tableCell", content: [p(text("乙"))] }] },
          ],
        },
        { type: "horizontalRule" },
      ),
    );
    expect(html).toContain('<h2 style="text-align:center">一、总体要求</h2>');
    expect(html).toContain('<p style="text-align:right" data-indent="0">市政府办公室</p>');
    expect(html).toContain('<a target="_blank" rel="noopener noreferrer" href="https://www.gov.cn/">链接</a>');
    expect(html).toMatch(/<figure class="article-figure"><img src="\/media\/images\/x\/w960.jpg" alt="会场" data-media-id="7" data-width="50" style="width:50%"[^>]*\/><figcaption>会议现场<\/figcaption><\/figure>/);
    expect(html).toContain('<th colspan="2"><p>表头</p></th>');
    expect(html).toContain("<hr />");
  });

  it("puts a table's header row in <thead>, so that a table printed over pages repeats it", () => {
    const cell = (type: "tableHeader" | "tableCell", t: string): RichTextNode => ({ type, content: [p(text(t))] });
    const table = (...rows: RichTextNode[][]): RichTextNode => ({ type: "table", content: rows.map((content) => ({ type: "tableRow", content })) });
    const html = renderRichText(
      doc(
        table([cell("tableHeader", "项目"), cell("tableHeader", "金额")], [cell("tableCell", "甲"), cell("tableCell", "1")]),
        table([cell("tableCell", "无表头"), cell("tableCell", "x")], [cell("tableCell", "乙"), cell("tableCell", "2")]),
      ),
    );
    expect(html).toMatch(/<table[^>]*>(<colgroup>.*?<\/colgroup>)?<thead><tr><th[^>]*><p>项目<\/p><\/th><th[^>]*><p>金额<\/p><\/th><\/tr><\/thead><tbody><tr><td/);
    expect(html.match(/<thead>/g)).toHaveLength(1);
    expect(htmlToRichText(html)).toEqual(htmlToRichText(html.replace(/<\/?thead>/g, "").replace(/<\/tr><tbody>/, "</tr>")));
  });

  it("drops dangerous URLs and attributes smuggled into the JSON", () => {
    const html = renderRichText(
      doc(
        p(text("x", [{ type: "link", attrs: { href: "javascript:alert(1)", target: "_self" } }])),
        p(text("y", [{ type: "link", attrs: { href: "//evil.example/", onclick: "alert(1)" } }])),
        { type: "image", attrs: { src: "javascript:alert(1)", alt: "a\" onerror=\"alert(1)", onerror: "alert(1)" } },
        { type: "image", attrs: { src: "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+", alt: "b" } },
        { type: "image", attrs: { src: "/media/a.jpg", alt: "c", widthPercent: "50%;position:fixed" } },
        p(text("<script>alert(1)</script>")),
        { type: "heading", attrs: { level: 1, textAlign: "center;background:url(javascript:alert(1))" }, content: [text("h")] },
      ),
    );
    expect(problems(html)).toEqual([]);
    expect(html).not.toMatch(/javascript:|data:|\/\/evil|position/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("<h2>h</h2>");
  });

  it("refuses node types the editor does not know", () => {
    expect(() => renderRichText(doc({ type: "iframe", attrs: { src: "https://evil.example" } }))).toThrow();
  });
});

describe("richTextDocSchema", () => {
  it("accepts a document and refuses other shapes", () => {
    expect(richTextDocSchema.safeParse(doc(p(text("x")))).success).toBe(true);
    expect(richTextDocSchema.safeParse(p(text("x"))).success).toBe(false);
    expect(richTextDocSchema.safeParse({ type: "doc", content: [], extra: 1 }).success).toBe(false);
    expect(richTextDocSchema.safeParse({ type: "doc", attrs: { x: { nested: true } } }).success).toBe(false);
  });

  it("refuses documents nested deeper than any real article", () => {
    let node: RichTextNode = p(text("deep"));
    for (let i = 0; i < 60; i++) node = { type: "blockquote", content: [node] };
    expect(richTextDocSchema.safeParse(doc(node)).success).toBe(false);
  });
});

describe("isAllowedHref", () => {
  it.each([
    ["https://www.gov.cn/", true],
    ["http://example.com/a?b=1", true],
    ["mailto:office@example.gov.cn", true],
    ["/articles/12", true],
    ["#附件", true],
    ["javascript:alert(1)", false],
    [" javascript:alert(1)", false],
    ["java\tscript:alert(1)", false],
    ["data:text/html,x", false],
    ["//evil.example", false],
    ["/\\evil.example", false],
    ["https:/evil", false],
    ["ftp://example.com", false],
    ["", false],
  ])("%j → %s", (href, ok) => {
    expect(isAllowedHref(href)).toBe(ok);
  });
});

describe("htmlToRichText and richTextToPlainText", () => {
  it("keeps only what the editor knows, and reads back the text", () => {
    const json = htmlToRichText('<h3>标题</h3><p style="color:red" onclick="x">正文<b>加粗</b></p><script>alert(1)</script>');
    expect(json.content?.map((n) => n.type)).toEqual(["heading", "paragraph"]);
    expect(richTextToPlainText(json)).toBe("标题\n正文加粗");
  });

  it("keeps superscript and subscript, which the allowlist has always held (m², H₂O, a note's [1])", () => {
    const json = htmlToRichText('<p>面积 100 m<sup>2</sup>，H<sub>2</sub>O<sup>[1]</sup></p>');
    expect(json.content?.[0].content).toEqual([
      { type: "text", text: "面积 100 m" },
      { type: "text", text: "2", marks: [{ type: "superscript" }] },
      { type: "text", text: "，H" },
      { type: "text", text: "2", marks: [{ type: "subscript" }] },
      { type: "text", text: "O" },
      { type: "text", text: "[1]", marks: [{ type: "superscript" }] },
    ]);
    expect(renderRichText(json)).toBe("<p>面积 100 m<sup>2</sup>，H<sub>2</sub>O<sup>[1]</sup></p>");
  });
});
