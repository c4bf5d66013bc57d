import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { findWords, type CheckWord } from "@/lib/words/match";

/**
 * Highlights 敏感词 / 错别字 in the editor as the editor types — the same matcher the
 * server uses on save and before submit (lib/words/match.ts), so what is marked here is
 * exactly what the check reports. Editor-only: it adds decorations, never content.
 */
export const wordHighlightKey = new PluginKey<DecorationSet>("wordHighlight");

export interface WordHighlightOptions {
  words: CheckWord[];
}

export function wordDecorations(doc: ProseMirrorNode, words: readonly CheckWord[]): DecorationSet {
  if (words.length === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // Match across the marks of one block: join its text, then map offsets back to positions.
    let text = "";
    const starts: { offset: number; pos: number }[] = [];
    node.forEach((child, childOffset) => {
      if (child.isText) {
        starts.push({ offset: text.length, pos: pos + 1 + childOffset });
        text += child.text;
      }
    });
    const toPos = (offset: number) => {
      let best = starts[0];
      for (const s of starts) if (s.offset <= offset) best = s;
      return best.pos + (offset - best.offset);
    };
    for (const match of findWords(text, words)) {
      const title = match.replacement ? `${match.blocking ? "禁用词" : "提示"}：建议改为“${match.replacement}”` : match.blocking ? "禁用词" : "提示词";
      decorations.push(
        Decoration.inline(toPos(match.start), toPos(match.end), {
          class: match.blocking ? "word-mark word-blocking" : "word-mark word-warning",
          title,
          "data-word": match.word,
        }),
      );
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export const WordHighlight = Extension.create<WordHighlightOptions>({
  name: "wordHighlight",
  addOptions() {
    return { words: [] };
  },
  addProseMirrorPlugins() {
    const words = this.options.words;
    return [
      new Plugin<DecorationSet>({
        key: wordHighlightKey,
        state: {
          init: (_, state) => wordDecorations(state.doc, words),
          apply: (tr, old) => (tr.docChanged ? wordDecorations(tr.doc, words) : old),
        },
        props: {
          decorations(state) {
            return wordHighlightKey.getState(state);
          },
        },
      }),
    ];
  },
});
