import { numberedHeadingRank } from "@/lib/paste/headings";
import { richTextToPlainText } from "@/lib/sanitize/tiptap";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import { IMAGE_PREFIX } from "./markers";

/** The imported body as the editor's JSON: its title, and its pictures by placeholder. */
const DOC_NUMBER = /[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号/;

function blockText(node: RichTextNode): string {
  return richTextToPlainText({ type: "doc", content: [node] }).replace(/\s*\n\s*/g, "").trim();
}

/**
 * The title, when the document starts with one: its first heading (Word's 标题/Title
 * style, or a heading style) or a centred line — passing over the 版头 lines of a 公文
 * (发文机关标志 "…文件", 发文字号 "〔2024〕1号") — that is not a numbered 公文 heading.
 */
export function takeTitle(doc: RichTextNode): { title: string | null; titleBlock: RichTextNode | null; body: RichTextNode } {
  const blocks = doc.content ?? [];
  for (let i = 0; i < Math.min(3, blocks.length - 1); i++) {
    const block = blocks[i];
    const text = blockText(block);
    const centred = block.type === "paragraph" && block.attrs?.textAlign === "center";
    if (block.type !== "heading" && !centred) break;
    if (!text) continue;
    if (centred && (DOC_NUMBER.test(text) || /文件$/.test(text))) continue;
    if ([...text].length > 120 || numberedHeadingRank(text) >= 0) break;
    return { title: text.slice(0, 200), titleBlock: block, body: { ...doc, content: blocks.filter((_, j) => j !== i) } };
  }
  return { title: null, titleBlock: null, body: doc };
}

/** Every picture replaced by what `visit` returns (null: removed), in document order. */
export function mapImages(node: RichTextNode, visit: (image: RichTextNode) => RichTextNode | null): RichTextNode {
  if (!node.content) return node;
  const content = node.content.flatMap((child) => {
    if (child.type === "image") {
      const next = visit(child);
      return next ? [next] : [];
    }
    return [mapImages(child, visit)];
  });
  // A table cell or list item left without its only picture keeps an empty paragraph.
  return { ...node, content: content.length || !node.content.length || node.type === "doc" ? content : [{ type: "paragraph", attrs: { indent: false } }] };
}

/** The picture a placeholder address (/__docx-image/<n>) stands for, or null. */
export function placeholderIndex(src: unknown): number | null {
  const match = typeof src === "string" && src.startsWith(IMAGE_PREFIX) ? /^\d+$/.exec(src.slice(IMAGE_PREFIX.length)) : null;
  return match ? Number(match[0]) : null;
}
