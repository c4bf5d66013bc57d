import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { chineseCounting, chineseCountingThousand, ideographDigital } from "./chinese-number";
import { literalNumberingXml } from "./literal-numbering";

describe("Chinese list numbers", () => {
  it("counts 一 to 九十九 as Word's chineseCounting does", () => {
    expect([1, 2, 9, 10, 11, 15, 19, 20, 21, 30, 45, 90, 99].map(chineseCounting)).toEqual(["一", "二", "九", "十", "十一", "十五", "十九", "二十", "二十一", "三十", "四十五", "九十", "九十九"]);
  });

  it("writes chineseCounting from 100 on digit by digit, as ideographDigital", () => {
    expect([100, 101, 110, 123].map(chineseCounting)).toEqual(["一〇〇", "一〇一", "一一〇", "一二三"]);
    expect(ideographDigital(10)).toBe("一〇");
  });

  it("counts with 百 and 千 in chineseCountingThousand, with 零 for a gap", () => {
    expect([10, 11, 100, 101, 110, 111, 1000, 1001, 1010, 2025, 9999].map(chineseCountingThousand)).toEqual([
      "十", "十一", "一百", "一百零一", "一百一十", "一百一十一", "一千", "一千零一", "一千零一十", "二千零二十五", "九千九百九十九",
    ]);
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const lvl = (ilvl: number, fmt: string, text: string, extra = "") => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;
const GONGWEN = [lvl(0, "chineseCounting", "%1、"), lvl(1, "chineseCounting", "（%2）"), lvl(2, "decimal", "%3."), lvl(3, "decimal", "（%4）")].join("");
const numbering = (abstracts: string, nums: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}>${abstracts}${nums}</w:numbering>`;
const abstract = (id: number, levels: string, extra = "") => `<w:abstractNum w:abstractNumId="${id}">${extra}${levels}</w:abstractNum>`;
const num = (id: number, abstractId: number, extra = "") => `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${extra}</w:num>`;
const para = (text: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:rPr><w:b/></w:rPr><w:t>${text}</w:t></w:r></w:p>`;
const numbered = (text: string, numId: number, ilvl: number) => para(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
const document = (paras: string[]) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${paras.join("")}</w:body></w:document>`;

/** Each paragraph's text, and whether it is still numbered (a numId other than 0). */
function paragraphs(xml: string | null) {
  const doc = new DOMParser().parseFromString(xml!, "application/xml");
  return Array.from(doc.getElementsByTagName("w:p")).map((p) => {
    const numId = p.getElementsByTagName("w:numId")[0]?.getAttribute("w:val");
    return `${Array.from(p.getElementsByTagName("w:t")).map((t) => t.textContent).join("")}${numId && numId !== "0" ? " [list]" : ""}`;
  });
}

describe("literal 公文 numbers", () => {
  it("numbers the four 公文 levels as Word does, restarting lower levels when a higher one advances", () => {
    const xml = literalNumberingXml({
      document: document([numbered("总体要求", 1, 0), para("正文。"), numbered("指导思想", 1, 1), numbered("基本原则", 1, 1), numbered("统筹", 1, 2), numbered("因地制宜", 1, 3), numbered("分类施策", 1, 3), numbered("保障", 1, 2), numbered("重点任务", 1, 0), numbered("组织领导", 1, 1), numbered("责任", 1, 2)]),
      numbering: numbering(abstract(0, GONGWEN), num(1, 0)),
      styles: null,
    });
    expect(paragraphs(xml)).toEqual(["一、总体要求", "正文。", "（一）指导思想", "（二）基本原则", "1.统筹", "（1）因地制宜", "（2）分类施策", "2.保障", "二、重点任务", "（一）组织领导", "1.责任"]);
    // The number takes the formatting of the paragraph's first run (here bold), and comes first.
    expect(xml).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">一、</w:t></w:r><w:r>');
  });

  it("keeps a plain 1. list and a bulleted list as lists, and numbers them on", () => {
    const xml = literalNumberingXml({
      document: document([numbered("总体要求", 1, 0), numbered("第一项", 2, 0), numbered("第二项", 2, 0), numbered("要点", 3, 0)]),
      numbering: numbering(abstract(0, GONGWEN) + abstract(1, lvl(0, "decimal", "%1.")) + abstract(2, lvl(0, "bullet", "•")), num(1, 0) + num(2, 1) + num(3, 2)),
      styles: null,
    });
    expect(paragraphs(xml)).toEqual(["一、总体要求", "第一项 [list]", "第二项 [list]", "要点 [list]"]);
    expect(literalNumberingXml({ document: document([numbered("第一项", 2, 0)]), numbering: numbering(abstract(1, lvl(0, "decimal", "%1.")), num(2, 1)), styles: null })).toBeNull();
  });

  it("makes a 1. number literal on a paragraph styled as a heading", () => {
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/></w:style></w:styles>`;
    const xml = literalNumberingXml({
      document: document([para("标题", '<w:pStyle w:val="Heading3"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>'), numbered("正文列表", 2, 0)]),
      numbering: numbering(abstract(1, lvl(0, "decimal", "%1.")), num(2, 1)),
      styles,
    });
    expect(paragraphs(xml)).toEqual(["1.标题", "正文列表 [list]"]);
  });

  it("takes numbering from the paragraph style (w:pStyle on the level), and numId 0 on a paragraph turns it off", () => {
    const styles = `<w:styles ${W}>
      <w:style w:type="paragraph" w:styleId="GW1"><w:name w:val="公文一级"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="GW2"><w:name w:val="公文二级"/><w:basedOn w:val="GW1"/></w:style>
    </w:styles>`;
    const levels = [lvl(0, "chineseCountingThousand", "%1、", '<w:pStyle w:val="GW1"/>'), lvl(1, "chineseCounting", "（%2）", '<w:pStyle w:val="GW2"/>')].join("");
    const xml = literalNumberingXml({
      document: document([para("一级", '<w:pStyle w:val="GW1"/>'), para("二级", '<w:pStyle w:val="GW2"/>'), para("不编号", '<w:pStyle w:val="GW1"/><w:numPr><w:numId w:val="0"/></w:numPr>'), para("又一级", '<w:pStyle w:val="GW1"/>')]),
      numbering: numbering(abstract(0, levels), num(1, 0)),
      styles,
    });
    expect(paragraphs(xml)).toEqual(["一、一级", "（一）二级", "不编号", "二、又一级"]);
  });

  it("follows w:start, w:startOverride, w:lvlRestart and lists sharing one abstract list", () => {
    const levels = [lvl(0, "chineseCounting", "%1、").replace('w:val="1"', 'w:val="3"'), lvl(1, "chineseCounting", "（%2）", '<w:lvlRestart w:val="0"/>')].join("");
    const xml = literalNumberingXml({
      document: document([numbered("甲", 1, 0), numbered("乙", 1, 1), numbered("丙", 2, 0), numbered("丁", 2, 1), numbered("戊", 3, 0), numbered("己", 3, 0)]),
      numbering: numbering(abstract(0, levels), num(1, 0) + num(2, 0) + num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')),
      styles: null,
    });
    // Lists 1 and 2 share the abstract list's counters: 三、 四、; （二） does not restart (lvlRestart 0); list 3 restarts at 一、.
    expect(paragraphs(xml)).toEqual(["三、甲", "（一）乙", "四、丙", "（二）丁", "一、戊", "二、己"]);
  });

  it("writes a parenthesised decimal (decimalEnclosedParen, or （%1）) as （1）, and leaves a file without numbering alone", () => {
    const xml = literalNumberingXml({
      document: document([numbered("一项", 1, 0), numbered("二项", 1, 0), numbered("另一项", 2, 0)]),
      numbering: numbering(abstract(0, lvl(0, "decimalEnclosedParen", "%1")) + abstract(1, lvl(0, "decimal", "(%1)")), num(1, 0) + num(2, 1)),
      styles: null,
    });
    expect(paragraphs(xml)).toEqual(["（1）一项", "（2）二项", "(1)另一项"]);
    expect(literalNumberingXml({ document: document([para("正文。")]), numbering: null, styles: null })).toBeNull();
  });

  it("restarts a level only after the level its w:lvlRestart names", () => {
    // Level 3 restarts after level 1 (ilvl 0) only: a new （一） does not restart it.
    const levels = GONGWEN.replace('<w:lvlText w:val="%3."/>', '<w:lvlRestart w:val="1"/><w:lvlText w:val="%3."/>');
    const xml = literalNumberingXml({
      document: document([numbered("甲", 1, 0), numbered("乙", 1, 1), numbered("丙", 1, 2), numbered("丁", 1, 1), numbered("戊", 1, 2), numbered("己", 1, 0), numbered("庚", 1, 2)]),
      numbering: numbering(abstract(0, levels), num(1, 0)),
      styles: null,
    });
    expect(paragraphs(xml)).toEqual(["一、甲", "（一）乙", "1.丙", "（二）丁", "2.戊", "二、己", "1.庚"]);
  });

  it("throws on a part that does not parse, so that the import reads the file as it is (./convert.ts)", () => {
    expect(() => literalNumberingXml({ document: `<w:document ${W}><w:body><w:p></w:body>`, numbering: numbering(abstract(0, GONGWEN), num(1, 0)), styles: null })).toThrow();
  });
});
