// @vitest-environment happy-dom
import { Editor, type JSONContent } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { editorExtensions } from "./extensions";
import { SearchReplace, searchMatches, selectedText, type SearchOptions } from "./search-replace";

// A mounted editor (happy-dom): the search plugin, history and editability are the real ones.
let editor: Editor;
function mount(content: JSONContent[] | string) {
  const doc = typeof content === "string" ? [{ type: "paragraph", content: [{ type: "text", text: content }] }] : content;
  editor = new Editor({ element: document.createElement("div"), extensions: [...editorExtensions(), SearchReplace], content: { type: "doc", content: doc } });
  return editor;
}
afterEach(() => editor?.destroy());

const find = (search: string, more: Partial<SearchOptions> = {}) => editor.commands.setSearch({ search, replace: "", caseSensitive: false, wholeWord: false, ...more });
const text = () => editor.state.doc.textBetween(0, editor.state.doc.content.size, "\n");
const selected = () => editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to);
const highlighted = () => Array.from(editor.view.dom.querySelectorAll(".ProseMirror-search-match, .ProseMirror-active-search-match"), (el) => el.className);

describe("查找/替换 in the editor", () => {
  it("finds every match in the whole text, ignoring case, across a bold letter inside a word, and selects the first", () => {
    mount([
      { type: "paragraph", content: [{ type: "text", text: "Gazette 发布，" }, { type: "text", text: "ga" }, { type: "text", text: "Z", marks: [{ type: "bold" }] }, { type: "text", text: "ette 更新。" }] },
      { type: "paragraph", content: [{ type: "text", text: "GAZETTE 完成。" }] },
    ]);
    editor.commands.setTextSelection(editor.state.doc.content.size - 1); // the search still covers all of it
    find("gazette");
    expect(searchMatches(editor.state)).toEqual({ count: 3, current: 1 });
    expect(selected()).toBe("Gazette");
    // Every match is highlighted, the current one with its own class.
    expect(highlighted().filter((c) => c.includes("active"))).toHaveLength(1);
    expect(editor.view.dom.querySelectorAll(".ProseMirror-search-match").length).toBeGreaterThanOrEqual(2);
  });

  it("matches case when asked", () => {
    mount("Gazette gazette GAZETTE");
    find("Gazette", { caseSensitive: true });
    expect(searchMatches(editor.state).count).toBe(1);
    find("gazette", { caseSensitive: true });
    expect(searchMatches(editor.state)).toEqual({ count: 1, current: 1 });
    expect(editor.state.selection.from).toBe(9);
  });

  it("moves to the next and previous match, wrapping at the ends", () => {
    mount("通知一，通知二，通知三");
    find("通知");
    expect(searchMatches(editor.state).current).toBe(1);
    editor.commands.findNextMatch();
    editor.commands.findNextMatch();
    expect(searchMatches(editor.state)).toEqual({ count: 3, current: 3 });
    editor.commands.findNextMatch();
    expect(searchMatches(editor.state).current).toBe(1);
    editor.commands.findPreviousMatch();
    expect(searchMatches(editor.state).current).toBe(3);
  });

  it("replaces the current match and moves to the next", () => {
    mount("截止目前，截止日期");
    find("截止", { replace: "截至" });
    editor.commands.replaceMatch();
    expect(text()).toBe("截至目前，截止日期");
    expect(searchMatches(editor.state)).toEqual({ count: 1, current: 1 });
  });

  it("first shows the match it would replace, does not find its own replacement again, and deletes with an empty one", () => {
    mount("通知，通知，通知");
    find("通知", { replace: "通知书" });
    editor.commands.setTextSelection(4); // between matches: the first press only selects
    editor.commands.replaceMatch();
    expect(text()).toBe("通知，通知，通知");
    expect(searchMatches(editor.state).current).toBe(2);
    editor.commands.replaceMatch();
    expect(text()).toBe("通知，通知书，通知");
    expect(selected()).toBe("通知");
    expect(editor.state.selection.from).toBe(8);
    find("，", { replace: "" });
    editor.commands.replaceAllMatches();
    expect(text()).toBe("通知通知书通知");
  });

  it("replaces all matches as one undo step, apart from the typing just before", () => {
    mount([
      { type: "paragraph", content: [{ type: "text", text: "截止目前，" }, { type: "text", text: "截止", marks: [{ type: "bold" }] }, { type: "text", text: "到月底。" }] },
      { type: "paragraph", content: [{ type: "text", text: "截止时间另行通知。" }] },
    ]);
    editor.commands.insertContentAt(editor.state.doc.content.size - 1, "补充");
    const typed = editor.getJSON();
    find("截止", { replace: "截至" });
    expect(editor.commands.replaceAllMatches()).toBe(true);
    expect(text()).toBe("截至目前，截至到月底。\n截至时间另行通知。补充");
    // The replacement keeps the marks of what it replaced.
    expect(editor.state.doc.firstChild!.child(1).marks.map((m) => m.type.name)).toEqual(["bold"]);
    expect(searchMatches(editor.state).count).toBe(0);
    editor.commands.undo();
    expect(editor.getJSON()).toEqual(typed);
  });

  it("takes the replacement literally, $ included", () => {
    mount("价格 USD 5");
    find("USD ", { replace: "$" });
    editor.commands.replaceAllMatches();
    expect(text()).toBe("价格 $5");
  });

  it("finds nothing and changes nothing when there is no match", () => {
    mount("全市春耕生产进展顺利。");
    const before = editor.getJSON();
    find("秋收", { replace: "夏种" });
    expect(searchMatches(editor.state)).toEqual({ count: 0, current: 0 });
    expect(editor.commands.findNextMatch()).toBe(false);
    expect(editor.commands.replaceAllMatches()).toBe(false);
    expect(editor.getJSON()).toEqual(before);
    expect(highlighted()).toEqual([]);
  });

  it("matches whole Latin words and numbers only, and Chinese as before", () => {
    mount("GDP 与 GDPR，2025 年和 20256 号，截止目前");
    expect((find("GDP", { wholeWord: true }), searchMatches(editor.state).count)).toBe(1);
    expect((find("2025", { wholeWord: true }), searchMatches(editor.state).count)).toBe(1);
    expect((find("目前", { wholeWord: true }), searchMatches(editor.state).count)).toBe(1);
    expect((find("GDP"), searchMatches(editor.state).count)).toBe(2);
  });

  it("still finds in a read-only text, but does not replace", () => {
    mount("审核中的稿件，稿件");
    editor.setEditable(false, false);
    find("稿件", { replace: "文稿" });
    expect(searchMatches(editor.state).count).toBe(2);
    expect(editor.commands.findNextMatch()).toBe(true);
    expect(editor.commands.replaceMatch()).toBe(false);
    expect(editor.commands.replaceAllMatches()).toBe(false);
    expect(text()).toBe("审核中的稿件，稿件");
  });

  it("clears the highlights when the search ends", () => {
    mount("通知，通知");
    find("通知");
    expect(highlighted()).toHaveLength(2);
    editor.commands.clearSearch();
    expect(highlighted()).toEqual([]);
    expect(searchMatches(editor.state).count).toBe(0);
  });

  it("offers the selected text to search for, if it is short and on one line", () => {
    mount([
      { type: "paragraph", content: [{ type: "text", text: "第一段" }] },
      { type: "paragraph", content: [{ type: "text", text: "第二段" }] },
    ]);
    editor.commands.setTextSelection({ from: 1, to: 3 });
    expect(selectedText(editor.state)).toBe("第一");
    editor.commands.setTextSelection({ from: 1, to: 8 });
    expect(selectedText(editor.state)).toBe("");
    editor.commands.setTextSelection(2);
    expect(selectedText(editor.state)).toBe("");
  });
});
