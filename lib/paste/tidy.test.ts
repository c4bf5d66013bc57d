import { describe, expect, it } from "vitest";
import type { RichTextNode } from "@/lib/sanitize/tiptap";
import { countCharacters } from "./count";
import { fixChinesePunctuation } from "./punctuation";
import { tidyDocument } from "./tidy";

const text = (t: string, marks?: RichTextNode["marks"]): RichTextNode => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const p = (attrs: Record<string, unknown>, ...content: RichTextNode[]): RichTextNode => ({ type: "paragraph", attrs, ...(content.length ? { content } : {}) });
const bold = [{ type: "bold" }];

describe("fixChinesePunctuation", () => {
  it.each([
    ["结合我市实际 ，制定本要点 。", "结合我市实际，制定本要点。"],
    ["同步起草 、同步审签、 同步发布", "同步起草、同步审签、同步发布"],
    ["作出回应,并持续发布权威信息.", "作出回应，并持续发布权威信息。"],
    ["问题是什么?答案如下:", "问题是什么？答案如下："],
    ["《条例》 （试行） 第三条", "《条例》（试行）第三条"],
    ["办法(试行)", "办法（试行）"],
    ["乌海  新闻", "乌海新闻"],
    ["乌海　市", "乌海市"],
    // Numbers, times, English and URLs stay as they are.
    ["增长 3.5% ,达到 12.6 亿元", "增长 3.5%，达到 12.6 亿元"],
    ["上午10:30在 https://www.gov.cn/a.html 发布", "上午10:30在 https://www.gov.cn/a.html 发布"],
    ["Hello, world. (2024)", "Hello, world. (2024)"],
  ])("%j → %j", (input, expected) => {
    expect(fixChinesePunctuation(input)).toBe(expected);
  });
});

describe("tidyDocument (一键排版)", () => {
  it("indents body paragraphs, removes blank paragraphs and hand-typed indents", () => {
    const { doc, changes } = tidyDocument({
      type: "doc",
      content: [
        p({ indent: false }, text("　　第一段。")),
        p({ indent: true }),
        p({ indent: true }, text("   ")),
        p({ indent: false }, text("\u00a0\u00a0\u00a0\u00a0第二段 ，有空格 。")),
        p({ indent: true, textAlign: "center" }, text("居中的一行")),
        p({ indent: true, textAlign: "right" }, text("乌海市人民政府办公室  ")),
      ],
    });
    expect(doc.content).toEqual([
      p({ indent: true }, text("第一段。")),
      p({ indent: true }, text("第二段，有空格。")),
      p({ indent: false, textAlign: "center" }, text("居中的一行")),
      p({ indent: false, textAlign: "right" }, text("乌海市人民政府办公室")),
    ]);
    expect(changes).toBe(6);
  });

  it("keeps bold and links on the characters they were on", () => {
    const link = [{ type: "link", attrs: { href: "/articles/1" } }];
    const { doc } = tidyDocument({
      type: "doc",
      content: [p({ indent: true }, text("　　坚持 "), text("人民至上", bold), text(" ，详见"), text("通知", link), text(" 。"))],
    });
    expect(doc.content?.[0].content).toEqual([text("坚持"), text("人民至上", bold), text("，详见"), text("通知", link), text("。")]);
  });

  it("splits lines that were typed as paragraphs with line breaks and indents", () => {
    const br = { type: "hardBreak" };
    const { doc } = tidyDocument({
      type: "doc",
      content: [p({ indent: true }, text("第一段。"), br, text("　　第二段。"), br, br, text("第三段。"), br)],
    });
    expect(doc.content).toEqual([p({ indent: true }, text("第一段。")), p({ indent: true }, text("第二段。")), p({ indent: true }, text("第三段。"))]);
  });

  it("keeps a single line break inside a paragraph", () => {
    const br = { type: "hardBreak" };
    const { doc } = tidyDocument({ type: "doc", content: [p({ indent: true }, text("地址：人民路1号"), br, text("邮编：016000"))] });
    expect(doc.content?.[0].content).toEqual([text("地址：人民路1号"), br, text("邮编：016000")]);
  });

  it("leaves table cells and list items unindented and never empties a cell", () => {
    const cell = (...content: RichTextNode[]): RichTextNode => ({ type: "tableCell", attrs: { colspan: 1, rowspan: 1 }, content });
    const { doc } = tidyDocument({
      type: "doc",
      content: [
        { type: "table", content: [{ type: "tableRow", content: [cell(p({ indent: true }, text(" 甲 "))), cell(p({ indent: true }))] }] },
        { type: "bulletList", content: [{ type: "listItem", content: [p({ indent: true }, text("　　一项"))] }] },
      ],
    });
    const [table, list] = doc.content!;
    expect(table.content?.[0].content?.map((c) => c.content)).toEqual([[p({ indent: false }, text("甲"))], [{ type: "paragraph", attrs: { indent: false } }]]);
    expect(list.content?.[0].content).toEqual([p({ indent: false }, text("一项"))]);
  });

  it("tidies headings without indenting them, and an empty document stays a valid document", () => {
    const heading = { type: "heading", attrs: { level: 2 }, content: [text("　一、总体要求 ")] };
    expect(tidyDocument({ type: "doc", content: [heading] }).doc.content).toEqual([{ type: "heading", attrs: { level: 2 }, content: [text("一、总体要求")] }]);
    expect(tidyDocument({ type: "doc", content: [p({ indent: true })] }).doc).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});

describe("countCharacters", () => {
  it("counts each Chinese character and punctuation mark once, and no spaces", () => {
    expect(countCharacters("乌海市人民政府，你好。")).toEqual({ characters: 11, chinese: 9, withSpaces: 11 });
    expect(countCharacters("　　两个全角空格 和 a b\n换行")).toEqual({ characters: 11, chinese: 9, withSpaces: 16 });
  });

  it("counts a character outside the BMP as one, not two", () => {
    expect("𠮷".length).toBe(2);
    expect(countCharacters("𠮷野家")).toEqual({ characters: 3, chinese: 3, withSpaces: 3 });
  });

  it("counts Latin letters and digits one each", () => {
    expect(countCharacters("GDP 增长 5.2%")).toEqual({ characters: 9, chinese: 2, withSpaces: 11 });
    expect(countCharacters("")).toEqual({ characters: 0, chinese: 0, withSpaces: 0 });
  });
});
