import { describe, expect, it, vi } from "vitest";
import { renderRichText, richTextToPlainText, type RichTextNode } from "@/lib/sanitize/tiptap";
import { NUMBERED, numberedGongwenDocx } from "@/test/docx-fixtures";
import { importWordDocument } from "./import";

const text = (n: RichTextNode) => richTextToPlainText({ type: "doc", content: [n] });

describe("a 公文 numbered by Word's automatic numbering (自动编号)", async () => {
  const { title, body } = await importWordDocument(new Uint8Array(await numberedGongwenDocx()), vi.fn());
  const blocks = (body.content ?? []).map((n) => ({ type: n.type, level: n.attrs?.level, text: text(n) }));

  it("writes Word's numbers into the text and makes them the 公文 heading levels, （一） and 1. restarting under 二、", () => {
    expect(title).toBe(NUMBERED.title);
    expect(blocks.filter((b) => b.type === "heading")).toEqual([
      { type: "heading", level: 2, text: "一、总体要求" },
      { type: "heading", level: 3, text: "（一）指导思想" },
      { type: "heading", level: 3, text: "（二）基本原则" },
      { type: "heading", level: 4, text: "1.坚持统筹兼顾" },
      { type: "heading", level: 4, text: "2.强化工作保障" },
      { type: "heading", level: 2, text: "二、重点任务" },
      { type: "heading", level: 3, text: "（一）加强组织领导" },
      { type: "heading", level: 4, text: "1.明确责任分工" },
    ]);
  });

  it("keeps the fourth level's （1） （2） as numbered paragraphs under their 1.", () => {
    const at = blocks.findIndex((b) => b.text === "1.坚持统筹兼顾");
    expect(blocks.slice(at + 1, at + 3)).toEqual([
      { type: "paragraph", level: undefined, text: "（1）因地制宜" },
      { type: "paragraph", level: undefined, text: "（2）分类施策" },
    ]);
  });

  it("keeps the bulleted list and the plain 1. list as lists, and no heading is left a list item", () => {
    const lists = (body.content ?? []).filter((n) => n.type === "bulletList" || n.type === "orderedList");
    expect(lists.map((l) => [l.type, (l.content ?? []).map(text)])).toEqual([
      ["bulletList", NUMBERED.bullets],
      ["orderedList", NUMBERED.steps],
    ]);
    expect(renderRichText(body)).not.toMatch(/<li>[^<]*(总体要求|指导思想|因地制宜)/);
  });
});
