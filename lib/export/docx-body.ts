import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from "docx";
import type { RichTextNode } from "@/lib/sanitize/tiptap";
import { t } from "@/lib/i18n/zh-CN";
import { absoluteHref } from "./article-export";
import type { EmbeddedImage } from "./images";

/**
 * The editor's JSON → Word blocks. It walks the same node types the editor and the
 * sanitizer know (paragraph, heading, image, table, lists, blockquote, rule), so a
 * downloaded .docx keeps the article's structure rather than a flattened text.
 */
export interface DocxBodyContext {
  images: Map<string, EmbeddedImage>;
  baseUrl: string;
  /** Numbering instances: each ordered list restarts at 1. */
  nextListInstance: () => number;
}

export const ORDERED_LIST_REF = "gazette-ordered";
/** 2 characters of 12 pt = 480 twips: the first-line indent of Chinese official text. */
const FIRST_LINE_INDENT = 480;
/** Text width of an A4 page with the margins set in docx.ts, in pixels at 96 dpi. */
const MAX_IMAGE_WIDTH = 600;

type Block = Paragraph | Table;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;
const HEADING = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;

function alignmentOf(node: RichTextNode) {
  const align = node.attrs?.textAlign;
  return typeof align === "string" && align in ALIGN ? ALIGN[align as keyof typeof ALIGN] : undefined;
}

/** Inline content (text with marks, links, line breaks) → runs. */
export function inlineRuns(nodes: RichTextNode[] | undefined, ctx: DocxBodyContext): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes ?? []) {
    if (node.type === "hardBreak") {
      out.push(new TextRun({ break: 1 }));
      continue;
    }
    if (node.type !== "text" || !node.text) continue;
    const marks = new Set((node.marks ?? []).map((m) => m.type));
    const options: IRunOptions = {
      text: node.text,
      bold: marks.has("bold") || undefined,
      italics: marks.has("italic") || undefined,
      underline: marks.has("underline") ? {} : undefined,
      strike: marks.has("strike") || undefined,
      subScript: marks.has("subscript") || undefined,
      superScript: marks.has("superscript") || undefined,
    };
    const link = node.marks?.find((m) => m.type === "link");
    const href = typeof link?.attrs?.href === "string" ? absoluteHref(link.attrs.href, ctx.baseUrl) : null;
    if (href && /^(https?:|mailto:)/i.test(href)) {
      out.push(new ExternalHyperlink({ link: href, children: [new TextRun({ ...options, style: "Hyperlink" })] }));
    } else {
      out.push(new TextRun(options));
    }
  }
  return out;
}

function imageBlocks(node: RichTextNode, ctx: DocxBodyContext): Paragraph[] {
  const src = String(node.attrs?.src ?? "");
  const alt = String(node.attrs?.alt ?? "");
  const caption = String(node.attrs?.caption ?? "");
  const image = ctx.images.get(src);
  const blocks: Paragraph[] = [];
  if (image) {
    const percent = Math.min(100, Math.max(25, Number(node.attrs?.widthPercent ?? 100) || 100));
    const width = Math.min(image.width, Math.round((MAX_IMAGE_WIDTH * percent) / 100));
    const height = Math.round((image.height * width) / image.width);
    blocks.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: !!caption,
        children: [
          new ImageRun({
            type: image.mimeType === "image/png" ? "png" : "jpg",
            data: image.data,
            transformation: { width, height },
            altText: { name: alt || caption || t.site.fileImage, description: alt, title: alt },
          }),
        ],
      }),
    );
  } else if (alt) {
    blocks.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `［${alt}］`, color: "5B6169" })] }));
  }
  if (caption) blocks.push(new Paragraph({ style: "Caption", alignment: AlignmentType.CENTER, children: [new TextRun(caption)] }));
  return blocks;
}

function tableBlock(node: RichTextNode, ctx: DocxBodyContext): Table {
  const rows = (node.content ?? []).filter((r) => r.type === "tableRow");
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row) =>
        new TableRow({
          children: (row.content ?? []).map((cell) => {
            const paragraphs = toBlocks(cell.content ?? [], ctx, { inTable: true }).filter((b): b is Paragraph => b instanceof Paragraph);
            return new TableCell({
              columnSpan: Number(cell.attrs?.colspan ?? 1) || 1,
              rowSpan: Number(cell.attrs?.rowspan ?? 1) || 1,
              children: paragraphs.length ? paragraphs : [new Paragraph("")],
              shading: cell.type === "tableHeader" ? { fill: "F2F3F5" } : undefined,
            });
          }),
        }),
    ),
  });
}

interface WalkState {
  inTable?: boolean;
  list?: { kind: "bullet" | "ordered"; level: number; instance: number };
  quote?: boolean;
}

export function toBlocks(nodes: RichTextNode[], ctx: DocxBodyContext, state: WalkState = {}): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "paragraph": {
        const align = alignmentOf(node);
        const indent = !state.inTable && !state.list && node.attrs?.indent !== false && (align === undefined || align === AlignmentType.LEFT || align === AlignmentType.JUSTIFIED);
        out.push(
          new Paragraph({
            alignment: align,
            children: inlineRuns(node.content, ctx),
            indent: state.quote ? { left: 480 } : indent ? { firstLine: FIRST_LINE_INDENT } : undefined,
            bullet: state.list?.kind === "bullet" ? { level: state.list.level } : undefined,
            numbering: state.list?.kind === "ordered" ? { reference: ORDERED_LIST_REF, level: state.list.level, instance: state.list.instance } : undefined,
          }),
        );
        break;
      }
      case "heading": {
        const level = Number(node.attrs?.level) as 2 | 3 | 4;
        out.push(new Paragraph({ heading: HEADING[level] ?? HeadingLevel.HEADING_2, alignment: alignmentOf(node), keepNext: true, children: inlineRuns(node.content, ctx) }));
        break;
      }
      case "image":
        out.push(...imageBlocks(node, ctx));
        break;
      case "table":
        out.push(tableBlock(node, ctx));
        break;
      case "bulletList":
      case "orderedList": {
        const kind = node.type === "bulletList" ? "bullet" : "ordered";
        const level = state.list ? Math.min(state.list.level + 1, 8) : 0;
        const instance = kind === "ordered" ? ctx.nextListInstance() : 0;
        for (const item of node.content ?? []) out.push(...toBlocks(item.content ?? [], ctx, { ...state, list: { kind, level, instance } }));
        break;
      }
      case "blockquote":
        out.push(...toBlocks(node.content ?? [], ctx, { ...state, quote: true }));
        break;
      case "horizontalRule":
        out.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "C8CCD2", space: 4 } }, children: [] }));
        break;
      default:
        // Unknown containers: keep their content rather than lose text.
        if (node.content) out.push(...toBlocks(node.content, ctx, state));
    }
  }
  return out;
}

/** Every image src in the editor's JSON. */
export function jsonImageSources(node: RichTextNode): string[] {
  const own = node.type === "image" && typeof node.attrs?.src === "string" ? [node.attrs.src] : [];
  return [...own, ...(node.content ?? []).flatMap(jsonImageSources)];
}
