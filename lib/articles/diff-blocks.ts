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

const HEADING_LABEL: Record<number, string> = { 2: "一级标题", 3: "二级标题", 4: "三级标题" };
const MARK_LABEL: Record<string, string> = { bold: "加粗", italic: "斜体", underline: "下划线", strike: "删除线", link: "链接" };

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
    for (const [k, text] of Object.entries(open)) if (!keep.has(k)) out.push(`${runs[k] ?? k}「${text}」`);
    open = Object.fromEntries(Object.entries(open).filter(([k]) => keep.has(k)));
  };
  for (const child of node.content ?? []) {
    const keys = new Set<string>();
    for (const mark of child.marks ?? []) {
      if (!MARK_LABEL[mark.type]) continue;
      const key = mark.type === "link" ? `link:${String(mark.attrs?.href ?? "")}${mark.attrs?.target === "_blank" ? "（新窗口）" : ""}` : mark.type;
      runs[key] = mark.type === "link" ? `链接 ${key.slice(5)}` : MARK_LABEL[mark.type];
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
  if (align === "center") out.push("居中");
  if (align === "right") out.push("右对齐");
  if (align === "justify") out.push("两端对齐");
  if (node.type === "paragraph" && node.attrs?.indent === false) out.push("不缩进");
  return [...out, ...inlineFormat(node)];
}

function tableText(table: RichTextNode): { text: string; format: string[] } {
  const rows = (table.content ?? []).map((row) =>
    (row.content ?? [])
      .map((cell) => {
        const span = [cell.attrs?.colspan && Number(cell.attrs.colspan) > 1 ? `跨${cell.attrs.colspan}列` : "", cell.attrs?.rowspan && Number(cell.attrs.rowspan) > 1 ? `跨${cell.attrs.rowspan}行` : ""].filter(Boolean);
        const text = (cell.content ?? []).map(inlineText).join(" ");
        return `${cell.type === "tableHeader" ? "【表头】" : ""}${text}${span.length ? `（${span.join("，")}）` : ""}`;
      })
      .join(" | "),
  );
  const columns = Math.max(0, ...(table.content ?? []).map((r) => (r.content ?? []).reduce((n, c) => n + (Number(c.attrs?.colspan) || 1), 0)));
  return { text: rows.join("\n"), format: [`${rows.length} 行 × ${columns} 列`] };
}

export function documentBlocks(doc: RichTextNode): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  const visit = (node: RichTextNode, prefix: string) => {
    switch (node.type) {
      case "paragraph":
        if (inlineText(node).trim() || prefix) blocks.push({ label: prefix || "段落", text: inlineText(node), format: blockFormat(node) });
        return;
      case "heading":
        blocks.push({ label: HEADING_LABEL[Number(node.attrs?.level)] ?? "标题", text: inlineText(node), format: blockFormat(node) });
        return;
      case "image": {
        const a = node.attrs ?? {};
        const width = Number(a.widthPercent ?? 100);
        blocks.push({
          label: "图片",
          text: `${a.alt ? `替代文字：${a.alt}` : "（缺少替代文字）"}${a.caption ? `；图注：${a.caption}` : ""}`,
          format: [String(a.src ?? "").split("/").slice(-2).join("/"), width !== 100 ? `宽度 ${width}%` : ""].filter(Boolean),
        });
        return;
      }
      case "table":
        blocks.push({ label: "表格", ...tableText(node) });
        return;
      case "horizontalRule":
        blocks.push({ label: "分隔线", text: "", format: [] });
        return;
      case "bulletList":
      case "orderedList":
        for (const item of node.content ?? []) {
          for (const child of item.content ?? []) visit(child, child.type === "paragraph" ? `${prefix ? `${prefix} › ` : ""}${node.type === "orderedList" ? "编号列表项" : "列表项"}` : prefix);
        }
        return;
      case "blockquote":
        for (const child of node.content ?? []) visit(child, "引用");
        return;
      default:
        for (const child of node.content ?? []) visit(child, prefix);
    }
  };
  visit(doc, "");
  return blocks;
}
