import { describe, expect, it } from "vitest";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import { diffContent } from "./diff";
import { documentBlocks } from "./diff-blocks";
import { displayFields } from "./diff-fields";

const t = (text: string, marks?: RichTextNode["marks"]): RichTextNode => ({ type: "text", text, ...(marks ? { marks } : {}) });
const p = (...content: RichTextNode[]): RichTextNode => ({ type: "paragraph", attrs: { indent: true }, content });
const h = (level: number, text: string): RichTextNode => ({ type: "heading", attrs: { level }, content: [t(text)] });
const doc = (...content: RichTextNode[]): RichTextNode => ({ type: "doc", content });
const body = (d: RichTextNode) => ({ fields: {}, body: d });

describe("documentBlocks", () => {
  it("reads headings, paragraphs, list items, pictures and tables as blocks a person compares", () => {
    const blocks = documentBlocks(
      doc(
        h(2, "一、总体要求"),
        p(t("坚持"), t("人民至上", [{ type: "bold" }]), t("。")),
        { type: "bulletList", content: [{ type: "listItem", content: [p(t("第一项"))] }] },
        { type: "image", attrs: { src: "/media/images/2024/abc/w960.jpg", alt: "会场", caption: "会议现场", widthPercent: 50 } },
        {
          type: "table",
          content: [
            { type: "tableRow", content: [{ type: "tableHeader", attrs: { colspan: 2 }, content: [p(t("表头"))] }] },
            { type: "tableRow", content: [{ type: "tableCell", content: [p(t("甲"))] }, { type: "tableCell", content: [p(t("乙"))] }] },
          ],
        },
      ),
    );
    expect(blocks).toEqual([
      { label: "一级标题", text: "一、总体要求", format: [] },
      { label: "段落", text: "坚持人民至上。", format: ["加粗「人民至上」"] },
      { label: "列表项", text: "第一项", format: [] },
      { label: "图片", text: "替代文字：会场；图注：会议现场", format: ["abc/w960.jpg", "宽度 50%"] },
      { label: "表格", text: "【表头】表头（跨2列）\n甲 | 乙", format: ["2 行 × 2 列"] },
    ]);
  });
});

describe("diffContent", () => {
  it("shows an edited paragraph as changed, character by character, and leaves the rest as it was", () => {
    const before = doc(h(2, "标题"), p(t("各地区要严格落实安全生产责任制。")), p(t("不变的段落。")));
    const after = doc(h(2, "标题"), p(t("各地区、各部门要严格落实党政领导安全生产责任制。")), p(t("不变的段落。")), p(t("新增的一段。")));
    const { blocks, counts } = diffContent(body(before), body(after));
    expect(blocks.map((b) => b.kind)).toEqual(["same", "changed", "same", "added"]);
    expect(counts).toEqual({ added: 1, removed: 0, changed: 1, fields: 0 });
    const changed = blocks[1];
    if (changed.kind !== "changed") throw new Error("expected a change");
    expect(changed.parts.filter((x) => x.added).map((x) => x.value)).toEqual(["、各部门", "党政领导"]);
    expect(changed.parts.filter((x) => !x.added && !x.removed).map((x) => x.value).join("")).toBe("各地区要严格落实安全生产责任制。");
  });

  it("names formatting changes: text the same, bold added, alignment changed", () => {
    const before = doc({ type: "paragraph", attrs: { indent: true }, content: [t("坚持人民至上。")] });
    const after = doc({ type: "paragraph", attrs: { indent: false, textAlign: "center" }, content: [t("坚持"), t("人民至上", [{ type: "bold" }]), t("。")] });
    const [change] = diffContent(body(before), body(after)).blocks;
    expect(change).toMatchObject({ kind: "changed", formatAdded: ["居中", "不缩进", "加粗「人民至上」"], formatRemoved: [] });
  });

  it("shows a replaced block as removed and added when little text is shared", () => {
    const { blocks } = diffContent(body(doc(p(t("春季植树造林活动启动")))), body(doc(p(t("防汛抗旱指挥部召开会议")))));
    expect(blocks.map((b) => b.kind)).toEqual(["removed", "added"]);
  });

  it("lists changed fields in display form", () => {
    const before = { fields: displayFields({ title: "旧标题", titleTags: ["媒体解读"], pinned: false, attachments: [{ mediaId: 1, name: "方案" }] }), body: doc() };
    const after = { fields: displayFields({ title: "新标题", titleTags: ["媒体解读", "五大任务"], pinned: true, attachments: [{ mediaId: 1, name: "方案" }] }), body: doc() };
    const { fields } = diffContent(before, after);
    expect(fields.map((f) => [f.label, f.before, f.after])).toEqual([
      ["标题", "旧标题", "新标题"],
      ["标题标签", "【媒体解读】", "【媒体解读】【五大任务】"],
      ["置顶", "否", "是"],
    ]);
  });
});
