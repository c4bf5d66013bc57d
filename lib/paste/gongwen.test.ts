// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { generateJSON } from "@tiptap/html";
import { editorExtensions } from "@/components/editor/extensions";
import { renderRichText, type RichTextNode } from "@/lib/sanitize/tiptap";
import { cleanPastedHtml } from "./clean";
import { findDocumentParts } from "./gongwen";
import { runInHeadingLength } from "./headings";
import { tidyDocument } from "./tidy";

/** What the editor keeps of a cleaned paste, and what the public page then shows. */
function paste(html: string) {
  const cleaned = cleanPastedHtml(html).html;
  const doc = generateJSON(cleaned, editorExtensions()) as RichTextNode;
  return { cleaned, doc, page: renderRichText(doc) };
}

describe("run-in 公文 headings (（一） 1. （1） followed by their paragraph)", () => {
  it.each([
    ["（一）加强组织领导。成立供暖保障工作专班，统筹调度。", "（一）加强组织领导。"],
    ["（二）强化督促检查，确保工作落实。各地区要定期通报进展。", "（二）强化督促检查，确保工作落实。"],
    ["1.明确部门职责。各部门按照职责分工抓好落实。", "1.明确部门职责。"],
    ["2．落实属地责任。各旗区人民政府负总责。", "2．落实属地责任。"],
    ["（1）行业主管部门。按照“管行业必须管安全”的要求履职。", "（1）行业主管部门。"],
    ["(2)供热企业。做好设备检修。", "(2)供热企业。"],
  ])("%s → lead-in %s", (text, lead) => {
    expect(text.slice(0, runInHeadingLength(text))).toBe(lead);
  });

  it.each([
    ["a standalone heading", "（一）加强组织领导"],
    ["one sentence with nothing after it", "（一）加强组织领导。"],
    ["a level-1 number (一、 stands alone in 公文)", "一、总体要求。坚持人民至上。"],
    ["a first sentence too long to be a heading", "1.各地区各部门要充分认识做好今冬明春供暖保障工作的重要性和紧迫性切实增强责任感使命感。其他。"],
    ["a colon in the first sentence", "（1）主要内容：供暖时间和标准。详见附件。"],
    ["a decimal number", "1.5亿元用于管网改造。其余用于补贴。"],
    ["no number at all", "加强组织领导。成立专班。"],
  ])("no lead-in for %s", (_why, text) => {
    expect(runInHeadingLength(text)).toBe(0);
  });

  it("keeps the paragraph, sets the lead-in in bold at each level, and leaves standalone headings as headings", () => {
    const { cleaned, doc, page } = paste(
      [
        "<p>一、工作任务</p>",
        "<p>（一）保障措施</p>",
        "<p>（二）加强组织领导。成立供暖保障工作专班，<i>统筹</i>调度。</p>",
        "<p>1.落实属地责任。各旗区人民政府负总责。</p>",
        "<p>（1）供热企业。做好设备检修。</p>",
      ].join(""),
    );
    expect(cleaned).toBe(
      [
        "<h2>一、工作任务</h2>",
        "<h3>（一）保障措施</h3>",
        '<p data-indent="0"><strong>（二）加强组织领导。</strong>成立供暖保障工作专班，<em>统筹</em>调度。</p>',
        '<p data-indent="0"><strong>1.落实属地责任。</strong>各旗区人民政府负总责。</p>',
        '<p data-indent="0"><strong>（1）供热企业。</strong>做好设备检修。</p>',
      ].join(""),
    );
    expect(doc.content?.map((n) => n.type)).toEqual(["heading", "heading", "paragraph", "paragraph", "paragraph"]);
    // The public page shows the structure.
    expect(page).toContain("<strong>（二）加强组织领导。</strong>成立供暖保障工作专班");
  });

  it("splits a run whose text crosses the end of the lead-in, keeping the marks it had", () => {
    const { cleaned } = paste('<p>（一）<u>加强组织领导。成立</u>专班。</p><p>正文。</p>');
    expect(cleaned).toContain("<strong>（一）</strong><strong><u>加强组织领导。</u></strong><u>成立</u>专班。");
  });
});

describe("发文字号, 主送机关 and the signature block", () => {
  /** A notice as mammoth reads it from a .docx, or as a plain web page shows it: no alignment at all. */
  const notice = [
    "<p>乌府办发〔2023〕12号</p>",
    "<p><b>关于做好今冬明春供暖保障工作的通知</b></p>",
    "<p>各区人民政府，市直各部门：</p>",
    "<p>　　为做好供暖保障工作，现将有关事项通知如下。</p>",
    "<p>　　一、总体要求</p>",
    "<p>　　（一）加强组织领导。成立供暖保障工作专班。</p>",
    "<p>　　特此通知。</p>",
    "<p>　　　　　　　　　　<b>乌海市人民政府办公室</b></p>",
    "<p>　　　　　　　　　　2023年7月30日</p>",
    "<p>　　（此件公开发布）</p>",
  ].join("");

  it("gives them a printed 公文's layout when the source had none, and never makes them headings", () => {
    const { cleaned, page } = paste(notice);
    expect(cleaned).toBe(
      [
        '<p data-indent="0" style="text-align:center">乌府办发〔2023〕12号</p>',
        "<h2>关于做好今冬明春供暖保障工作的通知</h2>",
        '<p data-indent="0">各区人民政府，市直各部门：</p>',
        "<p>为做好供暖保障工作，现将有关事项通知如下。</p>",
        "<h2>一、总体要求</h2>",
        "<p><strong>（一）加强组织领导。</strong>成立供暖保障工作专班。</p>",
        "<p>特此通知。</p>",
        '<p data-indent="0" style="text-align:right"><strong>乌海市人民政府办公室</strong></p>',
        '<p data-indent="0" style="text-align:right">2023年7月30日</p>',
        "<p>（此件公开发布）</p>",
      ].join(""),
    );
    // The public page keeps the alignment (the sanitizer allows text-align).
    expect(page).toContain('<p style="text-align:right" data-indent="0">2023年7月30日</p>');
    expect(page).toContain('<p style="text-align:center" data-indent="0">乌府办发〔2023〕12号</p>');
  });

  it("keeps the alignment the source gave", () => {
    const { cleaned } = paste('<p align="right">乌府办发〔2023〕12号</p><p>正文。</p><p style="text-align:center">乌海市人民政府办公室</p><p style="text-align:center">2023年7月30日</p>');
    expect(cleaned).toBe(
      '<p data-indent="0" style="text-align:right">乌府办发〔2023〕12号</p><p data-indent="0">正文。</p><p data-indent="0" style="text-align:center">乌海市人民政府办公室</p><p data-indent="0" style="text-align:center">2023年7月30日</p>',
    );
  });

  it("is not taken for the caption of a 发文机关标志 picture above it", () => {
    const { cleaned } = paste('<p><img src="https://example.gov.cn/banner.png" alt="乌海市人民政府办公室文件"></p><p align="center">乌府办发〔2023〕12号</p><p>正文。</p>');
    expect(cleaned).toContain('<figure><img src="https://example.gov.cn/banner.png" alt="乌海市人民政府办公室文件"></figure><p data-indent="0" style="text-align:center">乌府办发〔2023〕12号</p>');
  });

  it("right-aligns a signature and date typed as one paragraph with a line break", () => {
    expect(paste("<p>正文。</p><p>乌海市应急管理局<br>乌海市住房和城乡建设局<br>2023年7月30日</p>").cleaned).toBe(
      '<p data-indent="0">正文。</p><p data-indent="0" style="text-align:right">乌海市应急管理局<br>乌海市住房和城乡建设局<br>2023年7月30日</p>',
    );
  });

  it.each([
    ["joint signature", ["正文。", "乌海市应急管理局", "乌海市财政局", "2023年7月30日"], [[1, "signature"], [2, "signature"], [3, "date"]]],
    ["date in Chinese numerals", ["正文。", "乌海市人民政府", "二〇二三年七月三十日"], [[1, "signature"], [2, "date"]]],
    ["发文字号 typed with other brackets", ["国办发[2023] 5号", "正文。"], [[0, "docNumber"]]],
    ["a 发文字号 quoted in a sentence is body text", ["根据《通知》（国办发〔2023〕5号）要求。"], []],
    ["a colon after the body began introduces a list", ["正文开始了。", "具体要求如下：", "第一项。"], []],
    ["a sentence before the date is no signature", ["特此通知。", "2023年7月30日"], [[1, "date"]]],
    ["a date in the middle is body text", ["2023年7月30日", "正文。"], []],
    ["a table or picture at the end", ["正文。", "2023年7月30日", null], []],
  ] as [string, (string | null)[], [number, string][]][])("%s", (_name, texts, expected) => {
    expect([...findDocumentParts(texts)].sort((a, b) => a[0] - b[0])).toEqual(expected);
  });
});

describe("一键排版 keeps the 公文 layout", () => {
  const p = (attrs: Record<string, unknown>, t: string): RichTextNode => ({ type: "paragraph", attrs, content: [{ type: "text", text: t }] });

  it("does not indent the 主送机关 line and right-aligns the signature and date", () => {
    const { doc } = tidyDocument({
      type: "doc",
      content: [
        p({ indent: true, textAlign: null }, "各区人民政府，市直各部门："),
        p({ indent: false, textAlign: null }, "为做好供暖保障工作 ，现通知如下 。"),
        p({ indent: true, textAlign: null }, "　　　　乌海市人民政府办公室"),
        p({ indent: true, textAlign: null }, "　　　　2023年7月30日"),
      ],
    });
    expect(doc.content).toEqual([
      p({ indent: false, textAlign: null }, "各区人民政府，市直各部门："),
      p({ indent: true, textAlign: null }, "为做好供暖保障工作，现通知如下。"),
      p({ indent: false, textAlign: "right" }, "乌海市人民政府办公室"),
      p({ indent: false, textAlign: "right" }, "2023年7月30日"),
    ]);
  });
});
