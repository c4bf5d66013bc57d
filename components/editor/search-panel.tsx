"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";
import { searchMatches, type SearchPanelMode } from "./search-replace";

/** Each Ctrl+F / Ctrl+H / toolbar press is a new request, so a second one refocuses. */
export interface SearchRequest {
  mode: SearchPanelMode;
  /** The text selected in the editor when asked ("" for none). */
  text: string;
  seq: number;
}

interface SearchPanelProps {
  editor: Editor;
  request: SearchRequest;
  onClose: () => void;
}

/**
 * The 查找/替换 bar under the toolbar. Not a modal: the text stays in view, with every
 * match highlighted, and can be edited between searches.
 */
export function SearchPanel({ editor, request, onClose }: SearchPanelProps) {
  const f = t.editor.find;
  const id = useId();
  const findInput = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState(request.text);
  const [replace, setReplace] = useState("");
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [replaced, setReplaced] = useState<number | null>(null);
  // A new request with text selected searches for that text (the state-from-props pattern, not an effect).
  const [seen, setSeen] = useState(request);
  if (seen !== request) {
    setSeen(request);
    if (request.text) setQuery(request.text);
  }

  const { count, current, editable } = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ ...searchMatches(e.state), editable: e.isEditable }),
    equalityFn: (a, b) => !!b && a.count === b.count && a.current === b.current && a.editable === b.editable,
  });

  useEffect(() => {
    editor.commands.setSearch({ search: query, replace, caseSensitive, wholeWord });
  }, [editor, query, replace, caseSensitive, wholeWord]);
  // Closing ends the search: the highlights go, and nothing is searched on every keystroke.
  useEffect(() => () => void (editor.isDestroyed || editor.commands.clearSearch()), [editor]);

  useEffect(() => {
    // ProseMirror scrolls a match just into the window, which can leave it under the sticky
    // toolbar and this bar; then it is brought to the middle, as a browser's find does.
    if (!current) return;
    const match = editor.view.dom.querySelector(".ProseMirror-active-search-match");
    const covered = editor.view.dom.closest(".rich-editor")?.querySelector(".rich-editor-bars")?.getBoundingClientRect().bottom ?? 0;
    const box = match?.getBoundingClientRect();
    if (match && box && (box.top < covered || box.bottom > window.innerHeight)) match.scrollIntoView({ block: "center" });
  }, [editor, current, count]);

  useEffect(() => {
    const input = request.mode === "replace" && editor.isEditable ? replaceInput.current : findInput.current;
    input?.focus();
    input?.select();
  }, [request, editor]);

  const status = !query ? "" : count === 0 ? (replaced !== null ? fill(f.replaced, { n: replaced }) : f.none) : current ? fill(f.current, { i: current, n: count }) : fill(f.total, { n: count });
  // The buttons are marked unavailable rather than disabled: a disabled button drops the
  // focus (to the page) the moment "全部替换" leaves nothing to replace, and Esc would then
  // no longer reach this bar. Pressing them then does nothing: the commands refuse.
  const canReplace = editable && count > 0;
  const next = () => editor.commands.findNextMatch();
  const previous = () => editor.commands.findPreviousMatch();
  const replaceAll = () => {
    const n = searchMatches(editor.state).count;
    if (editor.commands.replaceAllMatches()) setReplaced(n);
  };
  // Enter while an input method is composing a Chinese word picks the word, nothing more
  // (Safari reports the composition only through keyCode 229).
  const composing = (e: React.KeyboardEvent) => e.nativeEvent.isComposing || e.keyCode === 229;

  return (
    <div
      className="search-panel"
      role="search"
      aria-label={f.panel}
      data-testid="search-panel"
      onKeyDown={(e) => {
        if (composing(e)) return;
        const mod = e.ctrlKey || e.metaKey;
        if (e.key === "Escape") {
          // Only the panel closes, not full screen as well.
          e.preventDefault();
          e.stopPropagation();
          onClose();
        } else if (mod && (e.key.toLowerCase() === "h" || (e.altKey && e.key.toLowerCase() === "f"))) {
          e.preventDefault();
          replaceInput.current?.focus();
        } else if (mod && e.key.toLowerCase() === "f") {
          // The panel's own Ctrl+F, not the browser's page search.
          e.preventDefault();
          findInput.current?.select();
        }
      }}
    >
      <div className="search-row">
        <label className="search-label" htmlFor={`${id}-find`}>
          {f.find}
        </label>
        <input
          id={`${id}-find`}
          ref={findInput}
          className="search-input"
          value={query}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-keys`}
          onChange={(e) => (setQuery(e.target.value), setReplaced(null))}
          onKeyDown={(e) => {
            if (e.key !== "Enter" || composing(e)) return;
            e.preventDefault();
            if (e.shiftKey) previous();
            else next();
          }}
        />
        <span className="search-count" role="status" aria-live="polite" aria-atomic="true" data-testid="search-count">
          {status}
        </span>
        <button type="button" className="tool-text" aria-disabled={count === 0} onClick={previous}>
          {f.previous}
        </button>
        <button type="button" className="tool-text" aria-disabled={count === 0} onClick={next}>
          {f.next}
        </button>
        <label className="search-option">
          <input type="checkbox" checked={caseSensitive} onChange={(e) => (setCaseSensitive(e.target.checked), setReplaced(null))} />
          {f.matchCase}
        </label>
        <label className="search-option" title={f.wholeWordHint}>
          <input type="checkbox" checked={wholeWord} aria-describedby={`${id}-word`} onChange={(e) => (setWholeWord(e.target.checked), setReplaced(null))} />
          {f.wholeWord}
        </label>
        <span className="tool-spacer" />
        <button type="button" className="tool-text" onClick={onClose}>
          {f.close}
        </button>
      </div>
      <div className="search-row">
        <label className="search-label" htmlFor={`${id}-replace`}>
          {f.replaceWith}
        </label>
        <input
          id={`${id}-replace`}
          ref={replaceInput}
          className="search-input"
          value={replace}
          autoComplete="off"
          spellCheck={false}
          disabled={!editable}
          aria-describedby={editable ? undefined : `${id}-readonly`}
          onChange={(e) => setReplace(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== "Enter" || composing(e)) return;
            e.preventDefault();
            editor.commands.replaceMatch();
          }}
        />
        <button type="button" className="tool-text" aria-disabled={!canReplace} onClick={() => editor.commands.replaceMatch()}>
          {f.replace}
        </button>
        <button type="button" className="tool-text" aria-disabled={!canReplace} onClick={replaceAll}>
          {f.replaceAll}
        </button>
        {!editable && (
          <span className="search-note" id={`${id}-readonly`}>
            {f.readOnly}
          </span>
        )}
      </div>
      <p className="visually-hidden" id={`${id}-keys`}>
        {f.keys}
      </p>
      <p className="visually-hidden" id={`${id}-word`}>
        {f.wholeWordHint}
      </p>
    </div>
  );
}
