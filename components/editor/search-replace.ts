import { Extension } from "@tiptap/core";
import { closeHistory } from "@tiptap/pm/history";
import { TextSelection, type EditorState, type Transaction } from "@tiptap/pm/state";
import { SearchQuery, findNext, findPrev, getMatchHighlights, getSearchState, search, setSearchState, type SearchResult } from "prosemirror-search";

/**
 * 查找/替换 in the article body (issue 17), on ProseMirror's own search plugin
 * (prosemirror-search): it matches across marks inside a textblock (a word half in bold
 * is still found), highlights every match and marks the one the selection is on.
 * Editor-only: it adds decorations, never content, so it stays out of the shared list
 * in extensions.ts that the server renders with.
 */

export interface SearchOptions {
  search: string;
  replace: string;
  caseSensitive: boolean;
  /** Whole words, for Latin words and numbers only (see wholeWordFilter). */
  wholeWord: boolean;
}

export type SearchPanelMode = "find" | "replace";

export interface SearchReplaceOptions {
  /** Ctrl+F / Ctrl+H inside the editor: open the panel, with the selected text if any. */
  onOpen: (mode: SearchPanelMode, selected: string) => void;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    searchReplace: {
      /** Searches the whole text and selects the first match at or after the cursor. */
      setSearch: (options: SearchOptions) => ReturnType;
      /** Ends the search: no more highlights, and no work on every keystroke. */
      clearSearch: () => ReturnType;
      findNextMatch: () => ReturnType;
      findPreviousMatch: () => ReturnType;
      /** Replaces the selected match and selects the next one (or first selects a match). */
      replaceMatch: () => ReturnType;
      /** Replaces every match in one transaction: one undo step brings them all back. */
      replaceAllMatches: () => ReturnType;
    };
  }
}

// A Latin letter or a digit. Chinese has no spaces between words, so "whole word" only
// means something where the text is Latin words or numbers ("GDP", "2025").
const WORD_CHAR = /[\p{Script=Latin}\p{Nd}]/u;

/**
 * prosemirror-search's own wholeWord treats every letter, Chinese included, as part of a
 * word, so "目前" would never match inside "截止目前，". Here a match edge only needs a
 * boundary where the match itself starts or ends with a Latin letter or digit.
 */
function wholeWordFilter(state: EditorState, result: SearchResult): boolean {
  const { doc } = state;
  const text = doc.textBetween(result.from, result.to);
  const before = doc.textBetween(Math.max(0, result.from - 1), result.from);
  const after = doc.textBetween(result.to, Math.min(doc.content.size, result.to + 1));
  const joins = (a: string, b: string) => WORD_CHAR.test(a) && WORD_CHAR.test(b);
  return !joins(before.slice(-1), text.slice(0, 1)) && !joins(text.slice(-1), after.slice(0, 1));
}

export function toQuery(options: SearchOptions): SearchQuery {
  return new SearchQuery({
    search: options.search,
    caseSensitive: options.caseSensitive,
    // What the editor typed is what is searched, with no "\n" escapes.
    literal: true,
    replace: options.replace,
    filter: options.wholeWord ? wholeWordFilter : undefined,
  });
}

/** How many matches, and which one (1-based) the selection is on; 0 when on none. */
export function searchMatches(state: EditorState): { count: number; current: number } {
  const found = getMatchHighlights(state).find();
  if (found.length === 0) return { count: 0, current: 0 };
  found.sort((a, b) => a.from - b.from);
  const { from, to } = state.selection;
  const index = found.findIndex((d) => d.from === from && d.to === to);
  return { count: found.length, current: index + 1 };
}

/** Every match in the whole text, in order. */
function allMatches(state: EditorState, query: SearchQuery): SearchResult[] {
  const found: SearchResult[] = [];
  for (let pos = 0, next; (next = query.findNext(state, pos)); pos = next.to) found.push(next);
  return found;
}

/**
 * Replaces one match with the replacement text, in the marks the match had. Done here
 * rather than with prosemirror-search's replace commands: those read "$1" / "$&" in the
 * replacement as regular-expression groups and lose a "$" that starts it ("$$" too),
 * while here the replacement is always literal text ("USD 5" → "$5").
 */
function replaceRange(tr: Transaction, from: number, to: number, text: string) {
  if (!text) return tr.delete(from, to);
  const marks = tr.doc.resolve(from).marksAcross(tr.doc.resolve(to)) ?? undefined;
  return tr.replaceWith(from, to, tr.doc.type.schema.text(text, marks));
}

/** The selected text, to search for when the panel opens: short and on one line, else "". */
export function selectedText(state: EditorState): string {
  const { from, to, empty } = state.selection;
  if (empty || to - from > 200) return "";
  const text = state.doc.textBetween(from, to, "\n");
  return text.includes("\n") ? "" : text;
}

export const SearchReplace = Extension.create<SearchReplaceOptions>({
  name: "searchReplace",
  addOptions() {
    return { onOpen: () => {} };
  },
  addProseMirrorPlugins() {
    return [search()];
  },
  addCommands() {
    return {
      setSearch:
        (options) =>
        ({ state, tr, dispatch }) => {
          const query = toQuery(options);
          if (!dispatch) return true;
          // No range: the whole text is searched, whatever is selected.
          setSearchState(tr, query);
          if (!query.valid) return true;
          const at = tr.selection.from;
          const match = query.findNext(state, at) ?? query.findNext(state, 0, at);
          if (match) tr.setSelection(TextSelection.create(tr.doc, match.from, match.to)).scrollIntoView();
          return true;
        },
      clearSearch:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) setSearchState(tr, new SearchQuery({ search: "" }));
          return true;
        },
      // Tiptap hands commands a state whose `tr` is the command's own transaction, so
      // ProseMirror commands run inside it unchanged.
      findNextMatch:
        () =>
        ({ state, dispatch }) =>
          findNext(state, dispatch),
      findPreviousMatch:
        () =>
        ({ state, dispatch }) =>
          findPrev(state, dispatch),
      replaceMatch:
        () =>
        ({ editor, state, tr, dispatch }) => {
          const query = getSearchState(state)?.query;
          if (!editor.isEditable || !query?.valid) return false;
          const { from, to } = state.selection;
          const current = query.findNext(state, from, to);
          // Not on a match yet: the first press shows the one that would be replaced.
          if (!current || current.from !== from || current.to !== to) return findNext(state, dispatch);
          if (!dispatch) return true;
          // Its own undo step, even right after typing.
          closeHistory(tr);
          replaceRange(tr, from, to, query.replace);
          // The next match is looked for in the text as it was, so a replacement that
          // itself matches ("通知" → "通知书") is not found again.
          const next = query.findNext(state, to) ?? query.findNext(state, 0, from);
          const selection = next ? TextSelection.create(tr.doc, tr.mapping.map(next.from, 1), tr.mapping.map(next.to, -1)) : TextSelection.create(tr.doc, tr.mapping.map(to));
          tr.setSelection(selection).scrollIntoView();
          return true;
        },
      replaceAllMatches:
        () =>
        ({ editor, state, tr, dispatch }) => {
          const query = getSearchState(state)?.query;
          if (!editor.isEditable || !query?.valid) return false;
          const matches = allMatches(state, query);
          if (matches.length === 0) return false;
          if (!dispatch) return true;
          // One transaction, its own undo step: one Ctrl+Z brings every match back.
          closeHistory(tr);
          for (const m of matches.reverse()) replaceRange(tr, m.from, m.to, query.replace);
          return true;
        },
    };
  },
  addKeyboardShortcuts() {
    // Bound in the editor only: elsewhere on the page Ctrl+F is still the browser's.
    const open = (mode: SearchPanelMode) => () => (this.options.onOpen(mode, selectedText(this.editor.state)), true);
    return {
      "Mod-f": open("find"),
      "Mod-h": open("replace"),
      // ⌘H hides the window on a Mac; ⌥⌘F is the Mac's usual replace.
      "Mod-Alt-f": open("replace"),
    };
  },
});
