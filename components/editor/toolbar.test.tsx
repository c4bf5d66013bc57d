// @vitest-environment happy-dom
import { Editor } from "@tiptap/core";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { editorExtensions } from "./extensions";
import { Toolbar, type ToolbarActions } from "./toolbar";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let editor: Editor;
let root: Root;
let host: HTMLElement;
const actions: ToolbarActions = {
  openLink: vi.fn(),
  openImage: vi.fn(),
  openTable: vi.fn(),
  tidy: vi.fn(),
  toggleFullscreen: vi.fn(),
  openSearch: vi.fn(),
  fullscreen: false,
};

beforeEach(async () => {
  editor = new Editor({ extensions: editorExtensions(), content: "<p>会议要求抓好春耕。</p>" });
  host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root.render(<Toolbar editor={editor} actions={actions} />));
});

afterEach(async () => {
  await act(async () => root.unmount());
  editor.destroy();
  host.remove();
});

const toolbar = () => host.querySelector<HTMLElement>('[role="toolbar"]')!;
const items = () => Array.from(toolbar().querySelectorAll<HTMLElement>("button"));
const button = (name: string) => toolbar().querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
const key = async (k: string) => {
  await act(async () => {
    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
  });
};

describe("the formatting toolbar", () => {
  it("is a named toolbar with exactly one tab stop", () => {
    expect(toolbar().getAttribute("aria-label")).toBe("正文格式");
    const stops = items().filter((el) => el.tabIndex === 0);
    expect(stops).toHaveLength(1);
    expect(stops[0].getAttribute("aria-label")).toBe("正文");
  });

  it("gives every item a name", () => {
    for (const el of items()) expect(el.getAttribute("aria-label") || el.textContent?.trim()).toBeTruthy();
  });

  it("moves the tab stop with the arrow keys, wrapping, and Home/End", async () => {
    const all = items();
    await act(async () => all[0].focus());
    await key("ArrowRight");
    expect(document.activeElement).toBe(all[1]);
    expect(all[1].getAttribute("aria-label")).toBe("一级标题");
    expect(all[1].tabIndex).toBe(0);
    expect(all[0].tabIndex).toBe(-1);
    await key("ArrowLeft");
    await key("ArrowLeft");
    expect(document.activeElement).toBe(all[all.length - 1]);
    await key("Home");
    expect(document.activeElement).toBe(all[0]);
    await key("End");
    expect(document.activeElement).toBe(all[all.length - 1]);
    expect(items().filter((el) => el.tabIndex === 0)).toEqual([all[all.length - 1]]);
  });

  it("keeps unavailable buttons reachable but inert (aria-disabled)", async () => {
    const undo = button("撤销");
    expect(undo.getAttribute("aria-disabled")).toBe("true");
    expect(undo.disabled).toBe(false);
    await act(async () => undo.focus());
    await key("ArrowRight");
    expect(document.activeElement).toBe(button("重做"));
  });

  it("reflects the editor's state in aria-pressed", async () => {
    const bold = button("加粗");
    expect(bold.getAttribute("aria-pressed")).toBe("false");
    await act(async () => {
      editor.chain().selectAll().toggleBold().run();
    });
    expect(bold.getAttribute("aria-pressed")).toBe("true");
    await act(async () => bold.click());
    expect(bold.getAttribute("aria-pressed")).toBe("false");
    await act(async () => {
      editor.commands.setTextSelection(2);
    });
    const quote = button("引用");
    expect(quote.getAttribute("aria-pressed")).toBe("false");
    await act(async () => quote.click());
    expect(quote.getAttribute("aria-pressed")).toBe("true");
  });
});

describe("the block styles", () => {
  it("are toggle buttons in a named group, one pressed at a time, following the text", async () => {
    const group = toolbar().querySelector('[role="group"]')!;
    expect(group.getAttribute("aria-label")).toBe("段落样式");
    const names = Array.from(group.querySelectorAll("button")).map((b) => b.getAttribute("aria-label"));
    expect(names).toEqual(["正文", "一级标题", "二级标题", "三级标题"]);
    const pressed = () => names.filter((n) => button(n!).getAttribute("aria-pressed") === "true");
    expect(pressed()).toEqual(["正文"]);
    await act(async () => {
      editor.commands.setTextSelection(2);
    });
    await act(async () => button("二级标题").click());
    expect(editor.getHTML()).toMatch(/^<h3>会议要求抓好春耕。<\/h3>/);
    expect(pressed()).toEqual(["二级标题"]);
    // Pressed again: back to a paragraph, as a toggle does.
    await act(async () => button("二级标题").click());
    expect(editor.getHTML()).toMatch(/^<p[^>]*>会议要求抓好春耕。<\/p>/);
    expect(pressed()).toEqual(["正文"]);
    // The shortcut (Tiptap's Mod+Alt+level) shows in the title and moves the pressed state too.
    expect(button("一级标题").title).toMatch(/Alt\+2/);
    await act(async () => {
      editor.commands.toggleHeading({ level: 2 });
    });
    expect(pressed()).toEqual(["一级标题"]);
    await act(async () => button("正文").click());
    expect(pressed()).toEqual(["正文"]);
  });
});

describe("the toolbar of a locked text (in review for who may not edit it)", () => {
  it("shows every changing tool unavailable and changes nothing, but still finds and goes full screen", async () => {
    editor.setEditable(false, false);
    await act(async () => root.render(<Toolbar editor={editor} actions={actions} locked />));
    const before = editor.getHTML();
    for (const name of ["加粗", "撤销", "清除格式"]) expect(button(name).getAttribute("aria-disabled")).toBe("true");
    for (const name of ["正文", "一级标题"]) expect(button(name).getAttribute("aria-disabled")).toBe("true");
    const tidy = Array.from(toolbar().querySelectorAll<HTMLButtonElement>(".tool-text")).find((b) => b.classList.contains("tool-tidy"))!;
    expect(tidy.getAttribute("aria-disabled")).toBe("true");
    await act(async () => {
      editor.commands.selectAll();
      button("加粗").click();
      tidy.click();
    });
    expect(editor.getHTML()).toBe(before);
    expect(actions.tidy).not.toHaveBeenCalled();
    expect(button("查找替换").getAttribute("aria-disabled")).toBeNull();
  });
});
