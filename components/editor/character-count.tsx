"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { countCharacters } from "@/lib/paste/count";

/** The live 字数: every visible character, each Chinese character counting one. */
export function CharacterCount({ editor }: { editor: Editor }) {
  const count = useEditorState({
    editor,
    selector: ({ editor: e }) => countCharacters(e.state.doc.textBetween(0, e.state.doc.content.size, "\n", " ")),
    equalityFn: (a, b) => !!b && a.characters === b.characters && a.chinese === b.chinese && a.withSpaces === b.withSpaces,
  });
  return (
    <span className="char-count" data-testid="char-count" title={`汉字 ${count.chinese} 个；字符（不计空格）${count.characters} 个；字符（计空格）${count.withSpaces} 个`}>
      字数 {count.characters.toLocaleString("zh-CN")}
    </span>
  );
}
