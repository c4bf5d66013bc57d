import { generateHTML, generateJSON } from "@tiptap/html";
import { z } from "zod";
import { editorExtensions } from "@/components/editor/extensions";
import { sanitizeRichHtml } from "./html";

/**
 * Rich text arrives as the editor's JSON. It is checked by shape, rendered to HTML
 * with the editor's own extensions (so unknown node types cannot pass), and that HTML
 * goes through the allowlist. Only the result is stored and shown to the public.
 */
export type RichTextNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
};

const MAX_DEPTH = 40;

const attrValue = z.union([z.string().max(20_000), z.number(), z.boolean(), z.null(), z.array(z.number()).max(100)]);

export const richTextNodeSchema: z.ZodType<RichTextNode> = z.lazy(() =>
  z
    .object({
      type: z.string().regex(/^[a-zA-Z]+$/).max(40),
      attrs: z.record(z.string().max(40), attrValue).optional(),
      content: z.array(richTextNodeSchema).max(20_000).optional(),
      marks: z
        .array(
          z.object({
            type: z.string().regex(/^[a-zA-Z]+$/).max(40),
            attrs: z.record(z.string().max(40), attrValue).optional(),
          }),
        )
        .max(20)
        .optional(),
      text: z.string().max(200_000).optional(),
    })
    .strict(),
);

export const richTextDocSchema = richTextNodeSchema.refine((doc) => doc.type === "doc" && depth(doc) <= MAX_DEPTH, {
  message: "正文格式无效",
});

function depth(node: RichTextNode): number {
  return 1 + Math.max(0, ...(node.content ?? []).map(depth));
}

export const EMPTY_DOC: RichTextNode = { type: "doc", content: [{ type: "paragraph" }] };

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
