"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { createContext, useContext, useState } from "react";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";
import type { HEADING_LEVELS } from "@/lib/sanitize/rich-text-bounds";
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

/**
 * The toolbar is one tab stop (WAI-ARIA toolbar pattern): the item whose key is `stop`
 * has tabIndex 0, every other one -1; the arrow keys move the stop.
 */
const Roving = createContext<{ stop: string; setStop: (key: string) => void }>({ stop: "", setStop: () => {} });

/** The text may not be changed now: every tool that would change it looks and is unavailable. */
const Locked = createContext(false);

function useRoving(key: string) {
  const { stop, setStop } = useContext(Roving);
  return { "data-tool": key, tabIndex: stop === key ? 0 : -1, onFocus: () => setStop(key) };
}

/**
 * One toolbar button. Unavailable buttons stay focusable with aria-disabled, as the APG
 * recommends for toolbars: the arrow keys still reach them and a screen reader says they exist.
 */
function Tool({ id, label, shortcut, active, disabled: unavailable, readsOnly, className, onClick, children }: { id: string; label: string; shortcut?: string; active?: boolean; disabled?: boolean; readsOnly?: boolean; className?: string; onClick: () => void; children: React.ReactNode }) {
  const roving = useRoving(id);
  // Tools that only read (search, full screen) stay available when the text is locked.
  const locked = useContext(Locked);
  const disabled = unavailable || (locked && !readsOnly);
  return (
    <button
      type="button"
      className={`tool${className ? ` ${className}` : ""}${active ? " is-active" : ""}`}
      aria-label={label}
      aria-pressed={active === undefined ? undefined : active}
      aria-disabled={disabled || undefined}
      title={shortcut ? fill(t.editor.withShortcut, { label, keys: shortcut }) : label}
      {...roving}
      // Keep the selection in the text: a click on the toolbar must not move it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {children}
    </button>
  );
}

function TextTool({ id, title, onClick, className, children }: { id: string; title: string; onClick: () => void; className?: string; children: React.ReactNode }) {
  const roving = useRoving(id);
  const locked = useContext(Locked);
  return (
    <button
      type="button"
      className={`tool-text${className ? ` ${className}` : ""}`}
      title={title}
      aria-disabled={locked || undefined}
      {...roving}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        if (!locked) onClick();
      }}
    >
      {children}
    </button>
  );
}

/** Arrow keys, Home and End move between the toolbar's items (wrapping); Tab leaves the toolbar. */
function onToolbarKey(e: React.KeyboardEvent<HTMLDivElement>) {
  const keys = ["ArrowLeft", "ArrowRight", "Home", "End"];
  if (!keys.includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
  const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>("[data-tool]"));
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at < 0 || items.length === 0) return;
  e.preventDefault();
  const n = items.length;
  const next = e.key === "Home" ? 0 : e.key === "End" ? n - 1 : e.key === "ArrowRight" ? (at + 1) % n : (at - 1 + n) % n;
  items[next].focus();
}

/**
 * The block styles as toggle buttons (not a select: a select in a toolbar takes the arrow
 * keys for itself, and cannot say "pressed"). The shortcuts are Tiptap's own: Mod+Alt+0 for a
 * paragraph, Mod+Alt+<level> for a heading. The labels count the body's headings from one:
 * the article's title is the page's <h1>, so its first level is an <h2>.
 */
const BLOCK_STYLES = [
  { key: "paragraph", label: "paragraph", level: null },
  { key: "h2", label: "heading2", level: 2 },
  { key: "h3", label: "heading3", level: 3 },
  { key: "h4", label: "heading4", level: 4 },
] as const satisfies readonly { key: string; label: keyof typeof t.editor; level: (typeof HEADING_LEVELS)[number] | null }[];

/** The formatting toolbar; every button has a keyboard shortcut or a dialog. */
export function Toolbar({ editor, actions, locked = false }: { editor: Editor; actions: ToolbarActions; locked?: boolean }) {
  const e = t.editor;
  const s = useEditorState({
    editor,
    selector: ({ editor: ed }) => ({
      block: BLOCK_STYLES.find((b) => b.level && ed.isActive("heading", { level: b.level }))?.key ?? (ed.isActive("paragraph") ? "paragraph" : ""),
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
  const [stop, setStop] = useState<string>(BLOCK_STYLES[0].key);
  // The item holding the tab stop may go away (the localize button is optional): the first one takes it.
  const current = stop === "localize" && !actions.localizeImages ? BLOCK_STYLES[0].key : stop;
  return (
    <Locked.Provider value={locked}>
    <Roving.Provider value={{ stop: current, setStop }}>
      <div className="toolbar" role="toolbar" aria-label={e.toolbar} aria-orientation="horizontal" onKeyDown={onToolbarKey}>
        <div className="tool-group" role="group" aria-label={e.blockStyle}>
          {BLOCK_STYLES.map((b) => (
          <Tool
            key={b.key}
            id={b.key}
            label={e[b.label]}
            shortcut={`${MOD}+Alt+${b.level ?? 0}`}
            active={s.block === b.key}
            className="tool-block"
            onClick={() => (b.level ? chain().toggleHeading({ level: b.level }).run() : chain().setParagraph().run())}
          >
            {e[b.label]}
          </Tool>
          ))}
        </div>
        <span className="tool-sep" />
        <Tool id="bold" label={e.bold} shortcut={`${MOD}+B`} active={s.bold} onClick={() => chain().toggleBold().run()}>
          <b>B</b>
        </Tool>
        <Tool id="italic" label={e.italic} shortcut={`${MOD}+I`} active={s.italic} onClick={() => chain().toggleItalic().run()}>
          <i>I</i>
        </Tool>
        <Tool id="underline" label={e.underline} shortcut={`${MOD}+U`} active={s.underline} onClick={() => chain().toggleUnderline().run()}>
          <u>U</u>
        </Tool>
        <Tool id="strike" label={e.strike} shortcut={`${MOD}+Shift+S`} active={s.strike} onClick={() => chain().toggleStrike().run()}>
          <s>S</s>
        </Tool>
        <span className="tool-sep" />
        <Tool id="alignLeft" label={e.alignLeft} shortcut={`${MOD}+Shift+L`} active={s.align === "left"} onClick={() => chain().unsetTextAlign().run()}>
          <Icon name="alignLeft" />
        </Tool>
        <Tool id="alignCenter" label={e.alignCenter} shortcut={`${MOD}+Shift+E`} active={s.align === "center"} onClick={() => chain().setTextAlign("center").run()}>
          <Icon name="alignCenter" />
        </Tool>
        <Tool id="alignRight" label={e.alignRight} shortcut={`${MOD}+Shift+R`} active={s.align === "right"} onClick={() => chain().setTextAlign("right").run()}>
          <Icon name="alignRight" />
        </Tool>
        <Tool id="alignJustify" label={e.alignJustify} shortcut={`${MOD}+Shift+J`} active={s.align === "justify"} onClick={() => chain().setTextAlign("justify").run()}>
          <Icon name="alignJustify" />
        </Tool>
        <Tool id="indent" label={e.indent} shortcut={`${MOD}+Alt+I`} active={s.indent} disabled={!s.inParagraph} onClick={() => chain().updateAttributes("paragraph", { indent: !s.indent }).run()}>
          <Icon name="indent" />
        </Tool>
        <span className="tool-sep" />
        <Tool id="bulletList" label={e.bulletList} shortcut={`${MOD}+Shift+8`} active={s.bullet} onClick={() => chain().toggleBulletList().run()}>
          <Icon name="bulletList" />
        </Tool>
        <Tool id="orderedList" label={e.orderedList} shortcut={`${MOD}+Shift+7`} active={s.ordered} onClick={() => chain().toggleOrderedList().run()}>
          <Icon name="orderedList" />
        </Tool>
        <Tool id="quote" label={e.quote} shortcut={`${MOD}+Shift+B`} active={s.quote} onClick={() => chain().toggleBlockquote().run()}>
          <Icon name="quote" />
        </Tool>
        <span className="tool-sep" />
        <Tool id="link" label={e.link} shortcut={`${MOD}+K`} active={s.link} onClick={actions.openLink}>
          <Icon name="link" />
        </Tool>
        <Tool id="image" label={e.insertImage} onClick={actions.openImage}>
          <Icon name="image" />
        </Tool>
        <Tool id="table" label={e.insertTable} onClick={actions.openTable}>
          <Icon name="table" />
        </Tool>
        <Tool id="rule" label={e.rule} onClick={() => chain().setHorizontalRule().run()}>
          <Icon name="rule" />
        </Tool>
        <span className="tool-sep" />
        <Tool id="undo" label={e.undo} shortcut={`${MOD}+Z`} disabled={!s.canUndo} onClick={() => chain().undo().run()}>
          <Icon name="undo" />
        </Tool>
        <Tool id="redo" label={e.redo} shortcut={`${MOD}+Shift+Z`} disabled={!s.canRedo} onClick={() => chain().redo().run()}>
          <Icon name="redo" />
        </Tool>
        <Tool id="clear" label={e.clearFormat} onClick={() => chain().unsetAllMarks().clearNodes().unsetTextAlign().run()}>
          <Icon name="clear" />
        </Tool>
        <span className="tool-sep" />
        <TextTool id="tidy" className="tool-tidy" title={e.tidyHint} onClick={actions.tidy}>
          {e.tidy}
        </TextTool>
        {actions.localizeImages && (
          <TextTool id="localize" title={t.remoteImages.buttonHint} onClick={actions.localizeImages}>
            {t.remoteImages.button}
          </TextTool>
        )}
        <span className="tool-spacer" />
        <Tool id="search" readsOnly label={e.find.open} shortcut={`${MOD}+F / ${MOD}+H`} onClick={actions.openSearch}>
          <Icon name="search" />
        </Tool>
        <Tool id="fullscreen" readsOnly label={actions.fullscreen ? e.exitFullscreen : e.fullscreen} shortcut={`${MOD}+Shift+F`} active={actions.fullscreen} onClick={actions.toggleFullscreen}>
          <Icon name={actions.fullscreen ? "exitFullscreen" : "fullscreen"} />
        </Tool>
      </div>
    </Roving.Provider>
    </Locked.Provider>
  );
}
