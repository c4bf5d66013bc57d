import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";

/**
 * A document read as a list of blocks a person compares: each paragraph, heading,
 * list item, picture and table, with its text and a description of its formatting.
 * The diff works on these, so it reads as "this paragraph changed" — not as HTML.
 */
export interface DiffBlock {
  /** 段落, 标题 H2, 列表项, 图片, 表格… */
  label: string;
  text: string;
  /** Formatting a reader sees, e.g. 加粗「人民至上」, 居中, 不缩进. */
  format: string[];
}

const d = t.articlesAdmin;
const HEADING_LABEL: Record<number, string> = { 2: d.diffHeading2, 3: d.diffHeading3, 4: d.diffHeading4 };
const MARK_LABEL: Record<string, string> = { bold: d.diffBold, italic: d.diffItalic, underline: d.diffUnderline, strike: d.diffStrike, superscript: d.diffSuperscript, subscript: d.diffSubscript, link: d.diffLink };

function inlineText(node: RichTextNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "↵";
  return (node.content ?? []).map(inlineText).join("");
}

function inlineFormat(node: RichTextNode): string[] {
  const runs: Record<string, string> = {};
  const out: string[] = [];
  let open: Record<string, string> = {};
  const close = (keep: Set<string>) => {
    for (const [k, text] of Object.entries(open)) if (!keep.has(k)) out.push(fill(d.diffMarked, { mark: runs[k] ?? k, text }));
    open = Object.fromEntries(Object.entries(open).filter(([k]) => keep.has(k)));
  };
  for (const child of node.content ?? []) {
    const keys = new Set<string>();
    for (const mark of child.marks ?? []) {
      if (!MARK_LABEL[mark.type]) continue;
      const key = mark.type === "link" ? `link:${String(mark.attrs?.href ?? "")}${mark.attrs?.target === "_blank" ? d.diffNewWindow : ""}` : mark.type;
      runs[key] = mark.type === "link" ? fill(d.diffLink, { href: key.slice(5) }) : MARK_LABEL[mark.type];
      keys.add(key);
    }
    close(keys);
    for (const key of keys) open[key] = (open[key] ?? "") + inlineText(child);
  }
  close(new Set());
  return out;
}

function blockFormat(node: RichTextNode): string[] {
  const out: string[] = [];
  const align = node.attrs?.textAlign;
  if (align === "center") out.push(d.diffCenter);
  if (align === "right") out.push(d.diffRight);
  if (align === "justify") out.push(d.diffJustify);
  if (node.type === "paragraph" && node.attrs?.indent === false) out.push(d.diffNoIndent);
  return [...out, ...inlineFormat(node)];
}

function tableText(table: RichTextNode): { text: string; format: string[] } {
  const rows = (table.content ?? []).map((row) =>
    (row.content ?? [])
      .map((cell) => {
        const span = [
          Number(cell.attrs?.colspan) > 1 ? fill(d.diffColspan, { n: Number(cell.attrs?.colspan) }) : "",
          Number(cell.attrs?.rowspan) > 1 ? fill(d.diffRowspan, { n: Number(cell.attrs?.rowspan) }) : "",
        ].filter(Boolean);
        const text = (cell.content ?? []).map(inlineText).join(" ");
        return `${cell.type === "tableHeader" ? d.diffHeaderCell : ""}${text}${span.length ? fill(d.diffSpans, { spans: span.join("，") }) : ""}`;
      })
      .join(" | "),
  );
  const columns = Math.max(0, ...(table.content ?? []).map((r) => (r.content ?? []).reduce((n, c) => n + (Number(c.attrs?.colspan) || 1), 0)));
  return { text: rows.join("\n"), format: [fill(d.diffTableSize, { rows: rows.length, columns })] };
}

export function documentBlocks(doc: RichTextNode): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  const visit = (node: RichTextNode, prefix: string) => {
    switch (node.type) {
      case "paragraph":
        if (inlineText(node).trim() || prefix) blocks.push({ label: prefix || d.diffParagraph, text: inlineText(node), format: blockFormat(node) });
        return;
      case "heading":
        blocks.push({ label: HEADING_LABEL[Number(node.attrs?.level)] ?? d.diffHeading, text: inlineText(node), format: blockFormat(node) });
        return;
      case "image": {
        const a = node.attrs ?? {};
        const width = Number(a.widthPercent ?? 100);
        blocks.push({
          label: d.diffImage,
          text: (a.alt ? fill(d.diffAlt, { alt: String(a.alt) }) : d.diffNoAlt) + (a.caption ? fill(d.diffCaption, { caption: String(a.caption) }) : ""),
          format: [String(a.src ?? "").split("/").slice(-2).join("/"), width !== 100 ? fill(d.diffWidth, { n: width }) : ""].filter(Boolean),
        });
        return;
      }
      case "table":
        blocks.push({ label: d.diffTable, ...tableText(node) });
        return;
      case "horizontalRule":
        blocks.push({ label: d.diffRule, text: "", format: [] });
        return;
      case "bulletList":
      case "orderedList":
        for (const item of node.content ?? []) {
          for (const child of item.content ?? []) visit(child, child.type === "paragraph" ? `${prefix ? `${prefix} › ` : ""}${node.type === "orderedList" ? d.diffOrderedItem : d.diffListItem}` : prefix);
        }
        return;
      case "blockquote":
        for (const child of node.content ?? []) visit(child, d.diffQuote);
        return;
      default:
        for (const child of node.content ?? []) visit(child, prefix);
    }
  };
  visit(doc, "");
  return blocks;
}
