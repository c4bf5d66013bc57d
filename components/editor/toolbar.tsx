"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";
import { Icon } from "./icons";

export interface ToolbarActions {
  openLink: () => void;
  openImage: () => void;
  openTable: () => void;
  tidy: () => void;
  /** 图片本地化: bring every remote picture in the body to the media library. */
  localizeImages?: () => void;
  toggleFullscreen: () => void;
  openSearch: () => void;
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
      title={shortcut ? fill(t.editor.withShortcut, { label, keys: shortcut }) : label}
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
  const e = t.editor;
  const s = useEditorState({
    editor,
    selector: ({ editor: ed }) => ({
      block: ed.isActive("heading", { level: 2 }) ? "h2" : ed.isActive("heading", { level: 3 }) ? "h3" : ed.isActive("heading", { level: 4 }) ? "h4" : "p",
      bold: ed.isActive("bold"),
      italic: ed.isActive("italic"),
      underline: ed.isActive("underline"),
      strike: ed.isActive("strike"),
      align: (["left", "center", "right", "justify"] as const).find((a) => ed.isActive({ textAlign: a })) ?? "left",
      indent: ed.isActive("paragraph") && ed.getAttributes("paragraph").indent !== false,
      inParagraph: ed.isActive("paragraph"),
      bullet: ed.isActive("bulletList"),
      ordered: ed.isActive("orderedList"),
      quote: ed.isActive("blockquote"),
      link: ed.isActive("link"),
      canUndo: ed.can().undo(),
      canRedo: ed.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <div className="toolbar" role="toolbar" aria-label={e.toolbar}>
      <select
        className="tool-select"
        aria-label={e.blockStyle}
        title={fill(e.withShortcut, { label: e.blockStyle, keys: `${MOD}+Alt+0 / 2 / 3 / 4` })}
        value={s.block}
        onChange={(e) => {
          const v = e.target.value;
          if (v === "p") chain().setParagraph().run();
          else chain().setHeading({ level: Number(v[1]) as 2 | 3 | 4 }).run();
        }}
      >
        <option value="p">{e.paragraph}</option>
        <option value="h2">{e.heading2}</option>
        <option value="h3">{e.heading3}</option>
        <option value="h4">{e.heading4}</option>
      </select>
      <span className="tool-sep" />
      <Tool label={e.bold} shortcut={`${MOD}+B`} active={s.bold} onClick={() => chain().toggleBold().run()}>
        <b>B</b>
      </Tool>
      <Tool label={e.italic} shortcut={`${MOD}+I`} active={s.italic} onClick={() => chain().toggleItalic().run()}>
        <i>I</i>
      </Tool>
      <Tool label={e.underline} shortcut={`${MOD}+U`} active={s.underline} onClick={() => chain().toggleUnderline().run()}>
        <u>U</u>
      </Tool>
      <Tool label={e.strike} shortcut={`${MOD}+Shift+S`} active={s.strike} onClick={() => chain().toggleStrike().run()}>
        <s>S</s>
      </Tool>
      <span className="tool-sep" />
      <Tool label={e.alignLeft} shortcut={`${MOD}+Shift+L`} active={s.align === "left"} onClick={() => chain().unsetTextAlign().run()}>
        <Icon name="alignLeft" />
      </Tool>
      <Tool label={e.alignCenter} shortcut={`${MOD}+Shift+E`} active={s.align === "center"} onClick={() => chain().setTextAlign("center").run()}>
        <Icon name="alignCenter" />
      </Tool>
      <Tool label={e.alignRight} shortcut={`${MOD}+Shift+R`} active={s.align === "right"} onClick={() => chain().setTextAlign("right").run()}>
        <Icon name="alignRight" />
      </Tool>
      <Tool label={e.alignJustify} shortcut={`${MOD}+Shift+J`} active={s.align === "justify"} onClick={() => chain().setTextAlign("justify").run()}>
        <Icon name="alignJustify" />
      </Tool>
      <Tool label={e.indent} shortcut={`${MOD}+Alt+I`} active={s.indent} disabled={!s.inParagraph} onClick={() => chain().updateAttributes("paragraph", { indent: !s.indent }).run()}>
        <Icon name="indent" />
      </Tool>
      <span className="tool-sep" />
      <Tool label={e.bulletList} shortcut={`${MOD}+Shift+8`} active={s.bullet} onClick={() => chain().toggleBulletList().run()}>
        <Icon name="bulletList" />
      </Tool>
      <Tool label={e.orderedList} shortcut={`${MOD}+Shift+7`} active={s.ordered} onClick={() => chain().toggleOrderedList().run()}>
        <Icon name="orderedList" />
      </Tool>
      <Tool label={e.quote} shortcut={`${MOD}+Shift+B`} active={s.quote} onClick={() => chain().toggleBlockquote().run()}>
        <Icon name="quote" />
      </Tool>
      <span className="tool-sep" />
      <Tool label={e.link} shortcut={`${MOD}+K`} active={s.link} onClick={actions.openLink}>
        <Icon name="link" />
      </Tool>
      <Tool label={e.insertImage} onClick={actions.openImage}>
        <Icon name="image" />
      </Tool>
      <Tool label={e.insertTable} onClick={actions.openTable}>
        <Icon name="table" />
      </Tool>
      <Tool label={e.rule} onClick={() => chain().setHorizontalRule().run()}>
        <Icon name="rule" />
      </Tool>
      <span className="tool-sep" />
      <Tool label={e.undo} shortcut={`${MOD}+Z`} disabled={!s.canUndo} onClick={() => chain().undo().run()}>
        <Icon name="undo" />
      </Tool>
      <Tool label={e.redo} shortcut={`${MOD}+Shift+Z`} disabled={!s.canRedo} onClick={() => chain().redo().run()}>
        <Icon name="redo" />
      </Tool>
      <Tool label={e.clearFormat} onClick={() => chain().unsetAllMarks().clearNodes().unsetTextAlign().run()}>
        <Icon name="clear" />
      </Tool>
      <span className="tool-sep" />
      <button type="button" className="tool-text tool-tidy" title={e.tidyHint} onMouseDown={(e) => e.preventDefault()} onClick={actions.tidy}>
        {e.tidy}
      </button>
      {actions.localizeImages && (
        <button type="button" className="tool-text" title={t.remoteImages.buttonHint} onMouseDown={(e) => e.preventDefault()} onClick={actions.localizeImages}>
          {t.remoteImages.button}
        </button>
      )}
      <span className="tool-spacer" />
      <Tool label={e.find.open} shortcut={`${MOD}+F / ${MOD}+H`} onClick={actions.openSearch}>
        <Icon name="search" />
      </Tool>
      <Tool label={actions.fullscreen ? e.exitFullscreen : e.fullscreen} shortcut={`${MOD}+Shift+F`} active={actions.fullscreen} onClick={actions.toggleFullscreen}>
        <Icon name={actions.fullscreen ? "exitFullscreen" : "fullscreen"} />
      </Tool>
    </div>
  );
}
