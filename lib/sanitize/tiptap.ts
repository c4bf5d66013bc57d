import { generateHTML, generateJSON } from "@tiptap/html";
import { editorExtensions } from "@/components/editor/extensions";
import { sanitizeRichHtml } from "./html";
import type { RichTextNode } from "./tiptap-schema";

export { EMPTY_DOC, richTextDocSchema, richTextNodeSchema, type RichTextNode } from "./tiptap-schema";

/** Tiptap JSON → sanitized HTML. Throws when the JSON does not fit the editor's schema. */
export function renderRichText(doc: RichTextNode): string {
  return sanitizeRichHtml(generateHTML(doc as Parameters<typeof generateHTML>[0], editorExtensions()));
}

/** HTML (e.g. from a paste or an import) → the editor's JSON, keeping only what the editor knows. */
export function htmlToRichText(html: string): RichTextNode {
  return generateJSON(sanitizeRichHtml(html), editorExtensions()) as RichTextNode;
}

/** The plain text of a document: block texts separated by newlines. */
export function richTextToPlainText(doc: RichTextNode): string {
  const blocks: string[] = [];
  const walk = (node: RichTextNode, into: string[]): void => {
    if (node.type === "text") {
      into.push(node.text ?? "");
      return;
    }
    if (node.type === "hardBreak") {
      into.push("\n");
      return;
    }
    if (node.type === "image") {
      const caption = String(node.attrs?.caption ?? "");
      if (caption) blocks.push(caption);
      return;
    }
    const isTextBlock = node.type === "paragraph" || node.type === "heading";
    if (isTextBlock) {
      const parts: string[] = [];
      for (const child of node.content ?? []) walk(child, parts);
      const text = parts.join("");
      if (text.trim()) blocks.push(text);
      return;
    }
    for (const child of node.content ?? []) walk(child, into);
  };
  walk(doc, blocks);
  return blocks.join("\n");
}
