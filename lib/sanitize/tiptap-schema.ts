import { z } from "zod";
import { richTextBoundProblems } from "./rich-text-bounds";

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

export const richTextDocSchema = richTextNodeSchema
  .refine((doc) => doc.type === "doc" && depth(doc) <= MAX_DEPTH, { message: "正文格式无效", abort: true })
  // Numbers decide the cost of a render (rich-text-bounds.ts): past a bound, the save is refused, saying which.
  .superRefine((doc, ctx) => {
    for (const message of richTextBoundProblems(doc)) ctx.addIssue({ code: "custom", message });
  });

function depth(node: RichTextNode): number {
  return 1 + Math.max(0, ...(node.content ?? []).map(depth));
}

export const EMPTY_DOC: RichTextNode = { type: "doc", content: [{ type: "paragraph" }] };
