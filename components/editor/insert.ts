import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";

/**
 * Inserts block content (pictures) and leaves the cursor in the paragraph after it —
 * creating one if there is none — so that what is typed or inserted next (a table)
 * goes after the picture instead of replacing it.
 */
export function insertBlocks(editor: Editor, content: Record<string, unknown>[], at?: number): boolean {
  const chain = editor.chain().focus();
  return (at === undefined ? chain.insertContent(content) : chain.insertContentAt(at, content))
    .command(({ tr, state }) => {
      const end = tr.selection.to;
      const after = tr.doc.resolve(end).nodeAfter;
      if (!after?.isTextblock) tr.insert(end, state.schema.nodes.paragraph.create());
      tr.setSelection(TextSelection.create(tr.doc, end + 1));
      return true;
    })
    .run();
}
