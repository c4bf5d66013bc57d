"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { countCharacters } from "@/lib/paste/count";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

/** The live 字数: every visible character, each Chinese character counting one. */
export function CharacterCount({ editor }: { editor: Editor }) {
  const count = useEditorState({
    editor,
    selector: ({ editor: e }) => countCharacters(e.state.doc.textBetween(0, e.state.doc.content.size, "\n", " ")),
    equalityFn: (a, b) => !!b && a.characters === b.characters && a.chinese === b.chinese && a.withSpaces === b.withSpaces,
  });
  return (
    <span className="char-count" data-testid="char-count" title={fill(t.editor.charCountDetail, { ...count })}>
      {fill(t.editor.charCount, { n: count.characters.toLocaleString("zh-CN") })}
    </span>
  );
}
