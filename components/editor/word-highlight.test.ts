import { getSchema } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { editorExtensions } from "./extensions";
import { wordDecorations } from "./word-highlight";

const schema = getSchema(editorExtensions());
const words = [
  { word: "截止目前", blocking: false, replacement: "截至目前" },
  { word: "台湾总统", blocking: true, replacement: "台湾地区领导人" },
];

describe("word highlighting in the editor", () => {
  it("marks matches across bold and plain text, with the right kind and suggestion", () => {
    const doc = Node.fromJSON(schema, {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "截止" }, { type: "text", text: "目前，", marks: [{ type: "bold" }] }, { type: "text", text: "报道称台湾总统。" }] },
      ],
    });
    const found = wordDecorations(doc, words).find();
    expect(found).toHaveLength(2);
    const [first, second] = found.sort((a, b) => a.from - b.from);
    expect(doc.textBetween(first.from, first.to)).toBe("截止目前");
    expect(doc.textBetween(second.from, second.to)).toBe("台湾总统");
    expect((second as unknown as { type: { attrs: Record<string, string> } }).type.attrs.class).toContain("word-blocking");
  });

  it("marks nothing without a word list", () => {
    const doc = Node.fromJSON(schema, { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "截止目前" }] }] });
    expect(wordDecorations(doc, []).find()).toHaveLength(0);
  });
});
