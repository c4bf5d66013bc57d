import { generateHTML, generateJSON } from "@tiptap/html";
import { editorExtensions } from "@/components/editor/extensions";
import { sanitizeRichHtml } from "./html";
import type { RichTextNode } from "./tiptap-schema";

export { EMPTY_DOC, richTextDocSchema, richTextNodeSchema, type RichTextNode } from "./tiptap-schema";

/** Tiptap JSON → sanitized HTML. Throws when the JSON does not fit the editor's schema. */
export function renderRichText(doc: RichTextNode): string {
  return sanitizeRichHtml(headerRowInThead(generateHTML(doc as Parameters<typeof generateHTML>[0], editorExtensions())));
}

/**
 * A table whose first row is all header cells (th) gets it in <thead>, so that a table
 * printed over several pages repeats it on each (Tiptap writes every row in <tbody>).
 * Tiptap's own output only: a row holding a data cell or a nested table is left alone.
 */
const HEADER_ROW = /(<table\b[^>]*>(?:<colgroup>(?:<col\b[^>]*>)*<\/colgroup>)?)<tbody>(<tr>(?:(?!<\/tr>|<td\b|<table\b)[\s\S])*<\/tr>)/g;
export function headerRowInThead(html: string): string {
  return html.replace(HEADER_ROW, "$1<thead>$2</thead><tbody>");
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
