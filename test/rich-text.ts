import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";

/** Every node of `type` in a rich-text document, in document order. */
export function nodesOfType(doc: RichTextNode, type: string): RichTextNode[] {
  const out: RichTextNode[] = [];
  const walk = (n: RichTextNode) => {
    if (n.type === type) out.push(n);
    n.content?.forEach(walk);
  };
  walk(doc);
  return out;
}
