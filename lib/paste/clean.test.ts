// @vitest-environment happy-dom
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateJSON } from "@tiptap/html";
import { editorExtensions } from "@/components/editor/extensions";
import { richTextToPlainText, type RichTextNode } from "@/lib/sanitize/tiptap";
import { cleanPastedHtml } from "./clean";
import { nodesOfType } from "@/test/rich-text";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", `${name}.html`), "utf8");

/** What the editor makes of the cleaned HTML: its own schema decides what survives. */
function pasted(name: string) {
  const { html, report } = cleanPastedHtml(fixture(name));
  const doc = generateJSON(html, editorExtensions()) as RichTextNode;
  const blocks = (doc.content ?? []).map((n) => ({ type: n.type, level: n.attrs?.level, text: richTextToPlainText({ type: "doc", content: [n] }) }));
  return { html, report, doc, blocks };
}

const JUNK = /mso-|class=|style="(?!text-align:(center|right)")|font|<o:|<v:|<w:|<!--|<span|<ins|<del|file:|MsoNormal|仿宋|楷体|黑体/i;

describe("paste from Word", () => {
  const { html, report, doc, blocks } = pasted("word");

  it("keeps the structure: title, numbered headings as a hierarchy, paragraphs", () => {
    expect(report.source).toBe("word");
    const headings = blocks.filter((b) => b.type === "heading").map((b) => [b.level, b.text]);
    expect(headings).toEqual([
      [2, "关于做好2024年度安全生产工作的通知"],
      [2, "一、总体要求"],
      [2, "二、重点任务"],
      [3, "（一）压实安全生产责任"],
      [4, "1．明确部门监管职责"],
      [3, "（二）开展隐患排查整治"],
    ]);
    // A numbered line with a sentence in it is a paragraph, not a heading.
    expect(blocks).toContainEqual({ type: "paragraph", level: undefined, text: "（1）行业主管部门。按照“管行业必须管安全”的要求，切实履行监管职责。" });
  });

  it("keeps bold, italic, underline and links, and drops every font, size, colour and class", () => {
    expect(html).toContain("<strong>人民至上、生命至上</strong>");
    expect(html).toContain("<em>从根本上消除事故隐患</em>");
    expect(html).toContain("<u>本质安全水平</u>");
    expect(html).toContain('<a href="https://www.mem.gov.cn/gk/zfxxgkpt/fdzdgknr/">应急管理部公开目录</a>');
    expect(html).not.toMatch(JUNK);
  });

  it("joins Chinese text Word wrapped across source lines without a space", () => {
    expect(blocks.map((b) => b.text)).toContain("坚持人民至上、生命至上，统筹发展和安全，以从根本上消除事故隐患为主线，全面提升本质安全水平，坚决遏制重特大事故发生。");
  });

  it("turns first-line indents into the paragraph style and keeps unindented and right-aligned lines", () => {
    const paragraphs = nodesOfType(doc, "paragraph").filter((p) => doc.content?.includes(p));
    const byText = (t: string) => paragraphs.find((p) => richTextToPlainText({ type: "doc", content: [p] }).startsWith(t))!;
    expect(byText("为深入贯彻").attrs?.indent).toBe(true);
    expect(byText("各旗区人民政府").attrs?.indent).toBe(false);
    expect(byText("乌海市人民政府办公室").attrs).toMatchObject({ indent: false, textAlign: "right" });
  });

  it("keeps the 发文字号 centred, the 主送机关 line flush left and the signature block right-aligned", () => {
    const top = (doc.content ?? []).map((n) => ({ type: n.type, align: n.attrs?.textAlign ?? null, indent: n.attrs?.indent, text: richTextToPlainText({ type: "doc", content: [n] }) }));
    expect(top.slice(0, 3)).toEqual([
      { type: "paragraph", align: "center", indent: false, text: "乌府办发〔2024〕3号" },
      { type: "heading", align: "center", indent: undefined, text: "关于做好2024年度安全生产工作的通知" },
      { type: "paragraph", align: null, indent: false, text: "各旗区人民政府，市直各委、办、局，各有关单位：" },
    ]);
    expect(top.slice(-3)).toEqual([
      { type: "paragraph", align: "right", indent: false, text: "乌海市人民政府办公室" },
      { type: "paragraph", align: "right", indent: false, text: "2024年1月15日" },
      { type: "paragraph", align: null, indent: true, text: "（此件公开发布）" },
    ]);
  });

  it("keeps a run-in level-2 heading as its paragraph with the lead-in in bold", () => {
    expect(html).toContain("<p><strong>（三）加强组织领导。</strong>成立安全生产工作专班，由分管副市长任组长，统筹推进各项任务落实。</p>");
    expect(html).toContain("<p><strong>（1）行业主管部门。</strong>按照");
  });

  it("accepts tracked changes and removes review comments", () => {
    expect(blocks.map((b) => b.text)).toContain("各地区、各部门要严格落实党政领导干部安全生产责任制，压紧压实各方责任。");
    expect(html).not.toContain("层层");
    expect(html).not.toContain("请核实");
    expect(report.removed).toMatchObject({ trackedChanges: 2, comments: 1 });
  });

  it("rebuilds Word's list paragraphs as bullet and numbered lists", () => {
    expect(nodesOfType(doc, "bulletList")).toHaveLength(1);
    expect(nodesOfType(doc, "orderedList")).toHaveLength(1);
    expect(nodesOfType(doc, "listItem").map((li) => richTextToPlainText(li))).toEqual(["矿山和危险化学品", "道路交通和消防", "全面自查自改", "集中攻坚整治"]);
    expect(html).not.toMatch(/>l\s|>1\.\s/);
  });

  it("keeps the table with its header row and merged cell", () => {
    const [table] = nodesOfType(doc, "table");
    expect(nodesOfType(table, "tableRow")).toHaveLength(3);
    expect(nodesOfType(table, "tableHeader").map((c) => richTextToPlainText(c))).toEqual(["序号", "任务", "完成时限"]);
    expect(nodesOfType(table, "tableCell").find((c) => c.attrs?.colspan === 2)).toBeTruthy();
  });

  it("drops empty paragraphs and reports the picture the clipboard could not carry", () => {
    expect(nodesOfType(doc, "paragraph").every((p) => richTextToPlainText(p).trim() !== "")).toBe(true);
    expect(report.images).toEqual({ embedded: 0, remote: [], unreadable: 1, unusable: 0 });
    expect(nodesOfType(doc, "image")).toHaveLength(0);
  });
});

describe("paste from WPS", () => {
  const { html, report, doc, blocks } = pasted("wps");

  it("recognises WPS and keeps headings and paragraphs", () => {
    expect(report.source).toBe("wps");
    expect(blocks.filter((b) => b.type === "heading").map((b) => [b.level, b.text])).toEqual([
      [2, "乌海市2024年政务公开工作要点"],
      [2, "一、加强政策解读"],
      [3, "（一）做好重要政策解读"],
      [3, "（二）回应社会关切"],
      [4, "1.健全舆情收集研判机制"],
    ]);
    expect(html).toContain("<strong>政策解读</strong>");
    expect(html).not.toMatch(JUNK);
  });

  it("turns indents typed with full-width and no-break spaces into the paragraph style", () => {
    const first = (doc.content ?? []).find((n) => n.type === "paragraph")!;
    expect(first.attrs?.indent).toBe(true);
    expect(richTextToPlainText(first)).toMatch(/^为全面贯彻/);
    expect(blocks.find((b) => b.text.startsWith("出台重要政策"))).toBeTruthy();
  });

  it("keeps a picture embedded as a data URL for upload and reports one it cannot read", () => {
    const images = nodesOfType(doc, "image");
    expect(images).toHaveLength(1);
    expect(String(images[0].attrs?.src)).toMatch(/^data:image\/png;base64,/);
    expect(report.images).toMatchObject({ embedded: 1, unreadable: 1 });
  });

  it("keeps the table, with its bold first row as the header", () => {
    expect(nodesOfType(doc, "tableHeader").map((c) => richTextToPlainText(c))).toEqual(["公开事项", "责任单位"]);
    expect(nodesOfType(doc, "tableCell")).toHaveLength(2);
  });
});

describe("paste from WeChat", () => {
  const { html, report, doc, blocks } = pasted("wechat");

  it("flattens the nested sections into headings and paragraphs", () => {
    expect(report.source).toBe("wechat");
    expect(blocks.map((b) => b.type), JSON.stringify(blocks)).toEqual(["heading", "paragraph", "image", "paragraph", "blockquote", "paragraph"]);
    expect(blocks[0].text).toBe("擦亮生态底色");
    expect(html).not.toMatch(/section|data-(?!indent)|onclick|box-sizing|rgb\(/);
  });

  it("takes the real picture from data-src, keeps its caption and reports it as remote", () => {
    const [image] = nodesOfType(doc, "image");
    expect(image.attrs).toMatchObject({
      src: "https://mmbiz.qpic.cn/mmbiz_jpg/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/640?wx_fmt=jpeg",
      caption: "乌海湖畔的湿地公园",
      alt: "",
    });
    expect(report.images.remote).toEqual([image.attrs?.src]);
  });

  it("keeps bold set by style, italic, underline and the link", () => {
    expect(html).toContain("<strong>统筹推进山水林田湖草沙一体化保护和系统治理</strong>");
    expect(html).toContain("<em>矿山地质环境治理</em>");
    expect(html).toContain("<u>森林覆盖率</u>");
    expect(html).toContain('<a href="https://mp.weixin.qq.com/s/AbCdEfGhIjKl">乌海发布</a>');
  });
});

describe("paste of small and hostile fragments", () => {
  it("leaves a single bold phrase inline instead of making it a heading", () => {
    expect(cleanPastedHtml("<b>重要提示</b>").html).toBe('<p data-indent="0"><strong>重要提示</strong></p>');
  });

  it("drops scripts, event handlers and dangerous links", () => {
    const { html } = cleanPastedHtml('<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a><img src="x" onerror="y"></p><iframe src="https://evil.example"></iframe>');
    expect(html).toBe('<p data-indent="0">ab</p>');
  });

  it("maps real heading tags into the article's H2–H4", () => {
    const { html } = cleanPastedHtml("<h1>一</h1><h2>二</h2><h5>五</h5>");
    expect(html).toBe("<h2>一</h2><h3>二</h3><h4>五</h4>");
  });
});
