"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { Icon } from "./icons";

export interface ToolbarActions {
  openLink: () => void;
  openImage: () => void;
  openTable: () => void;
  tidy: () => void;
  toggleFullscreen: () => void;
  fullscreen: boolean;
}

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? "⌘" : "Ctrl";

function Tool({ label, shortcut, active, disabled, onClick, children }: { label: string; shortcut?: string; active?: boolean; disabled?: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      className={`tool${active ? " is-active" : ""}`}
      aria-label={label}
      aria-pressed={active === undefined ? undefined : active}
      title={shortcut ? `${label}（${shortcut}）` : label}
      disabled={disabled}
      // Keep the selection in the text: a click on the toolbar must not move it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** The formatting toolbar; every button has a keyboard shortcut or a dialog. */
export function Toolbar({ editor, actions }: { editor: Editor; actions: ToolbarActions }) {
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      block: e.isActive("heading", { level: 2 }) ? "h2" : e.isActive("heading", { level: 3 }) ? "h3" : e.isActive("heading", { level: 4 }) ? "h4" : "p",
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      underline: e.isActive("underline"),
      strike: e.isActive("strike"),
      align: (["left", "center", "right", "justify"] as const).find((a) => e.isActive({ textAlign: a })) ?? "left",
      indent: e.isActive("paragraph") && e.getAttributes("paragraph").indent !== false,
      inParagraph: e.isActive("paragraph"),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <div className="toolbar" role="toolbar" aria-label="正文格式">
      <select
        className="tool-select"
        aria-label="段落样式"
        value={s.block}
        onChange={(e) => {
          const v = e.target.value;
          if (v === "p") chain().setParagraph().run();
          else chain().setHeading({ level: Number(v[1]) as 2 | 3 | 4 }).run();
        }}
      >
        <option value="p">正文</option>
        <option value="h2">一级标题</option>
        <option value="h3">二级标题</option>
        <option value="h4">三级标题</option>
      </select>
      <span className="tool-sep" />
      <Tool label="加粗" shortcut={`${MOD}+B`} active={s.bold} onClick={() => chain().toggleBold().run()}>
        <b>B</b>
      </Tool>
      <Tool label="斜体" shortcut={`${MOD}+I`} active={s.italic} onClick={() => chain().toggleItalic().run()}>
        <i>I</i>
      </Tool>
      <Tool label="下划线" shortcut={`${MOD}+U`} active={s.underline} onClick={() => chain().toggleUnderline().run()}>
        <u>U</u>
      </Tool>
      <Tool label="删除线" shortcut={`${MOD}+Shift+S`} active={s.strike} onClick={() => chain().toggleStrike().run()}>
        <s>S</s>
      </Tool>
      <span className="tool-sep" />
      <Tool label="左对齐" shortcut={`${MOD}+Shift+L`} active={s.align === "left"} onClick={() => chain().unsetTextAlign().run()}>
        <Icon name="alignLeft" />
      </Tool>
      <Tool label="居中" shortcut={`${MOD}+Shift+E`} active={s.align === "center"} onClick={() => chain().setTextAlign("center").run()}>
        <Icon name="alignCenter" />
      </Tool>
      <Tool label="右对齐" shortcut={`${MOD}+Shift+R`} active={s.align === "right"} onClick={() => chain().setTextAlign("right").run()}>
        <Icon name="alignRight" />
      </Tool>
      <Tool label="两端对齐" shortcut={`${MOD}+Shift+J`} active={s.align === "justify"} onClick={() => chain().setTextAlign("justify").run()}>
        <Icon name="alignJustify" />
      </Tool>
      <Tool label="首行缩进" shortcut={`${MOD}+Alt+I`} active={s.indent} disabled={!s.inParagraph} onClick={() => chain().updateAttributes("paragraph", { indent: !s.indent }).run()}>
        <Icon name="indent" />
      </Tool>
      <span className="tool-sep" />
      <Tool label="项目符号列表" shortcut={`${MOD}+Shift+8`} active={s.bullet} onClick={() => chain().toggleBulletList().run()}>
        <Icon name="bulletList" />
      </Tool>
      <Tool label="编号列表" shortcut={`${MOD}+Shift+7`} active={s.ordered} onClick={() => chain().toggleOrderedList().run()}>
        <Icon name="orderedList" />
      </Tool>
      <Tool label="引用" shortcut={`${MOD}+Shift+B`} active={s.quote} onClick={() => chain().toggleBlockquote().run()}>
        <Icon name="quote" />
      </Tool>
      <span className="tool-sep" />
      <Tool label="链接" shortcut={`${MOD}+K`} active={s.link} onClick={actions.openLink}>
        <Icon name="link" />
      </Tool>
      <Tool label="插入图片" onClick={actions.openImage}>
        <Icon name="image" />
      </Tool>
      <Tool label="插入表格" onClick={actions.openTable}>
        <Icon name="table" />
      </Tool>
      <Tool label="分隔线" onClick={() => chain().setHorizontalRule().run()}>
        <Icon name="rule" />
      </Tool>
      <span className="tool-sep" />
      <Tool label="撤销" shortcut={`${MOD}+Z`} disabled={!s.canUndo} onClick={() => chain().undo().run()}>
        <Icon name="undo" />
      </Tool>
      <Tool label="重做" shortcut={`${MOD}+Shift+Z`} disabled={!s.canRedo} onClick={() => chain().redo().run()}>
        <Icon name="redo" />
      </Tool>
      <Tool label="清除格式" onClick={() => chain().unsetAllMarks().clearNodes().unsetTextAlign().run()}>
        <Icon name="clear" />
      </Tool>
      <span className="tool-sep" />
      <button type="button" className="tool-text tool-tidy" title="整理段落、首行缩进、空行、多余空格和中文标点" onMouseDown={(e) => e.preventDefault()} onClick={actions.tidy}>
        一键排版
      </button>
      <span className="tool-spacer" />
      <Tool label={actions.fullscreen ? "退出全屏" : "全屏编辑"} shortcut={`${MOD}+Shift+F`} active={actions.fullscreen} onClick={actions.toggleFullscreen}>
        <Icon name={actions.fullscreen ? "exitFullscreen" : "fullscreen"} />
      </Tool>
    </div>
  );
}
