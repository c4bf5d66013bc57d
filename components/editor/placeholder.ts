import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/** A hint in an empty body (a decoration: never content, never saved). */
export const EmptyHint = Extension.create<{ text: string }>({
  name: "emptyHint",
  addOptions() {
    return { text: "" };
  },
  addProseMirrorPlugins() {
    const { text } = this.options;
    return [
      new Plugin({
        key: new PluginKey("emptyHint"),
        props: {
          decorations({ doc }) {
            const only = doc.firstChild;
            if (doc.childCount !== 1 || !only?.isTextblock || only.content.size > 0) return null;
            return DecorationSet.create(doc, [Decoration.node(0, only.nodeSize, { class: "is-empty", "data-placeholder": text })]);
          },
        },
      }),
    ];
  },
});
