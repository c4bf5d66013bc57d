import { classifyImageSrc } from "./image-sources";
import { isAllowedHref } from "@/components/editor/extensions";
import type { DocumentPart } from "./gongwen";
import type { PasteReport } from "./report";
import { collapseHtmlWhitespace, leadingIndent } from "./text";

/**
 * A pasted document read into the few things an article is made of. Everything
 * else (fonts, sizes, colours, classes, Office markup) simply has no place here.
 */
export interface Marks {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  sup?: boolean;
  sub?: boolean;
  href?: string;
}
export type Run = { text: string; marks: Marks } | { br: true };
export type Align = "center" | "right" | null;

export type Block =
  | { type: "paragraph"; runs: Run[]; align: Align; indent: boolean; caption: boolean; headingLevel?: 2 | 3; part?: DocumentPart }
  | { type: "heading"; level: 2 | 3 | 4; runs: Run[]; align: Align }
  | { type: "image"; src: string; alt: string; caption: string }
  | { type: "list"; ordered: boolean; start: number; items: Block[][] }
  | { type: "table"; rows: { header: boolean; colspan: number; rowspan: number; blocks: Block[] }[][] }
  | { type: "quote"; blocks: Block[] }
  | { type: "rule" };

interface ParaProps {
  align: Align;
  indent: boolean;
  caption: boolean;
  headingLevel?: 2 | 3;
}

const CONTAINERS = new Set(["p", "div", "section", "article", "header", "footer", "main", "aside", "center", "address", "figure", "figcaption", "pre", "dl", "dt", "dd", "body", "font-block"]);
const SKIP = new Set(["colgroup", "col", "caption", "style", "script"]);
/** Alt texts Office and cameras make up; an empty alt makes the editor ask for a real one. */
const GENERIC_ALT = /^(图片|图像|image|picture|img|pic|photo|说明|dsc|img_)?[\s_\-:：]*\d*(\.(jpe?g|png|gif|webp|bmp))?$/i;

function styleOf(el: Element): string {
  return (el.getAttribute("style") ?? "").toLowerCase();
}

function styleValue(style: string, prop: string): string | null {
  const match = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([^;]+)`).exec(style);
  return match ? match[1].trim() : null;
}

function paraProps(el: Element, inherited: ParaProps): ParaProps {
  const style = styleOf(el);
  const alignValue = (styleValue(style, "text-align") ?? el.getAttribute("align") ?? "").toLowerCase();
  const align: Align = alignValue === "center" || alignValue === "right" ? alignValue : alignValue ? null : inherited.align;
  const textIndent = styleValue(style, "text-indent");
  const charIndent = Number(styleValue(style, "mso-char-indent-count") ?? 0);
  const indent = textIndent !== null ? parseFloat(textIndent) > 0 || charIndent > 0 : inherited.indent;
  const cls = el.getAttribute("class") ?? "";
  const headingLevel = /\bMsoTitle\b/.test(cls) ? 2 : /\bMsoSubtitle\b/.test(cls) ? 3 : inherited.headingLevel;
  return { align, indent, caption: inherited.caption || /\bMsoCaption\b/.test(cls) || el.tagName === "FIGCAPTION", headingLevel };
}

function marksOf(el: Element, marks: Marks): Marks {
  const tag = el.tagName.toLowerCase();
  const style = styleOf(el);
  const next = { ...marks };
  if (tag === "b" || tag === "strong") next.bold = true;
  if (tag === "i" || tag === "em") next.italic = true;
  if (tag === "u") next.underline = true;
  if (tag === "s" || tag === "strike") next.strike = true;
  if (tag === "sup") next.sup = true;
  if (tag === "sub") next.sub = true;
  const weight = styleValue(style, "font-weight");
  if (weight) next.bold = /bold|bolder|[6-9]00/.test(weight);
  const fontStyle = styleValue(style, "font-style");
  if (fontStyle) next.italic = fontStyle.includes("italic");
  const decoration = styleValue(style, "text-decoration") ?? styleValue(style, "text-decoration-line");
  if (decoration?.includes("underline")) next.underline = true;
  if (decoration?.includes("line-through")) next.strike = true;
  const vertical = styleValue(style, "vertical-align");
  if (vertical === "super") next.sup = true;
  if (vertical === "sub") next.sub = true;
  if (tag === "a") {
    const href = (el.getAttribute("href") ?? "").trim();
    if (href && isAllowedHref(href) && !href.startsWith("#")) next.href = href;
  }
  return next;
}

export function hasText(runs: Run[]): boolean {
  return runs.some((r) => "text" in r && r.text.replace(/[\s\u3000\u00a0]/g, "") !== "");
}

export function runsText(runs: Run[]): string {
  return runs.map((r) => ("text" in r ? r.text : "\n")).join("");
}

export class BlockBuilder {
  readonly blocks: Block[] = [];
  private runs: Run[] = [];
  private para: ParaProps = { align: null, indent: false, caption: false };

  constructor(private readonly report: PasteReport) {}

  children(el: Element, marks: Marks = {}): this {
    for (const child of Array.from(el.childNodes)) this.node(child, marks);
    this.flush();
    return this;
  }

  private node(n: Node, marks: Marks): void {
    if (n.nodeType === 3) {
      const text = collapseHtmlWhitespace(n.textContent ?? "");
      if (text) this.runs.push({ text, marks });
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    const tag = el.tagName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (/^h[1-6]$/.test(tag)) {
      this.flush();
      const runs = new BlockBuilder(this.report).inline(el);
      const level = Math.min(4, Math.max(2, Number(tag[1]) + 1)) as 2 | 3 | 4;
      if (hasText(runs)) this.blocks.push({ type: "heading", level, runs, align: paraProps(el, this.para).align });
    } else if (CONTAINERS.has(tag)) {
      this.flush();
      const saved = this.para;
      const before = this.blocks.length;
      this.para = paraProps(el, saved);
      for (const child of Array.from(el.childNodes)) this.node(child, marksOf(el, marks));
      this.flush();
      this.para = saved;
      if (tag === "p" && this.blocks.length === before) this.report.removed.emptyParagraphs++;
    } else if (tag === "ul" || tag === "ol") {
      this.flush();
      const items = Array.from(el.children)
        .filter((li) => li.tagName === "LI")
        .map((li) => new BlockBuilder(this.report).children(li, marks).blocks)
        .filter((blocks) => blocks.length > 0);
      if (items.length) this.blocks.push({ type: "list", ordered: tag === "ol", start: Math.max(1, Number(el.getAttribute("start")) || 1), items });
    } else if (tag === "table") {
      this.flush();
      this.table(el);
    } else if (tag === "blockquote") {
      this.flush();
      const blocks = new BlockBuilder(this.report).children(el, marks).blocks;
      if (blocks.length) this.blocks.push({ type: "quote", blocks });
    } else if (tag === "hr") {
      this.flush();
      this.blocks.push({ type: "rule" });
    } else if (tag === "img") {
      this.flush();
      this.image(el);
    } else if (tag === "br") {
      this.runs.push({ br: true });
    } else {
      for (const child of Array.from(el.childNodes)) this.node(child, marksOf(el, marks));
    }
  }

  /** The runs of an element that is itself one block (a heading). */
  inline(el: Element): Run[] {
    for (const child of Array.from(el.childNodes)) this.node(child, {});
    const runs = this.runs;
    this.runs = [];
    return trimRuns(runs).runs;
  }

  private flush(): void {
    const { runs, indentWidth } = trimRuns(this.runs);
    this.runs = [];
    if (!hasText(runs)) return;
    // Full-width spaces typed before the text are an indent done by hand.
    const indent = this.para.align ? false : this.para.indent || indentWidth >= 1;
    this.blocks.push({ type: "paragraph", runs, align: this.para.align, indent, caption: this.para.caption, headingLevel: this.para.headingLevel });
  }

  private image(el: Element): void {
    const candidates = [el.getAttribute("data-src"), el.getAttribute("data-original"), el.getAttribute("src")].map((s) => (s ?? "").trim()).filter(Boolean);
    // WeChat's src is a 1×1 SVG placeholder until the picture scrolls into view; data-src is the picture.
    // A blob: in pasted HTML belongs to the page it was copied from: never readable here.
    const verdicts = candidates.map((s) => ({ s, verdict: classifyImageSrc(s, () => false) }));
    const src = verdicts.find((c) => c.verdict.kind !== "unusable")?.s;
    if (!src) {
      const reasons = verdicts.flatMap((c) => (c.verdict.kind === "unusable" ? [c.verdict.reason] : []));
      if (reasons.includes("local-file")) this.report.images.unreadable++;
      else if (reasons.length) this.report.images.unusable++;
      return;
    }
    if (src.startsWith("data:")) this.report.images.embedded++;
    else if (/^https?:/i.test(src)) this.report.images.remote.push(src);
    const alt = (el.getAttribute("alt") ?? el.getAttribute("title") ?? "").trim();
    this.blocks.push({ type: "image", src, alt: GENERIC_ALT.test(alt) ? "" : alt.slice(0, 200), caption: "" });
  }

  private table(el: Element): void {
    const rows: Element[] = [];
    const collect = (parent: Element) => {
      for (const child of Array.from(parent.children)) {
        if (child.tagName === "TR") rows.push(child);
        else if (["THEAD", "TBODY", "TFOOT"].includes(child.tagName)) collect(child);
      }
    };
    collect(el);
    const span = (cell: Element, name: string) => Math.min(50, Math.max(1, Number(cell.getAttribute(name)) || 1));
    const table = rows
      .map((tr) =>
        Array.from(tr.children)
          .filter((c) => c.tagName === "TD" || c.tagName === "TH")
          .map((cell) => ({
            header: cell.tagName === "TH" || tr.parentElement?.tagName === "THEAD",
            colspan: span(cell, "colspan"),
            rowspan: span(cell, "rowspan"),
            blocks: new BlockBuilder(this.report).children(cell).blocks,
          })),
      )
      .filter((row) => row.length > 0);
    if (!table.length) return;
    // Office marks a header row by making it bold, not by <th>.
    const first = table[0];
    const boldFirstRow = table.length > 1 && first.every((c) => c.blocks.every((b) => b.type === "paragraph" && allBold(b.runs)));
    if (boldFirstRow) for (const cell of first) cell.header = true;
    this.report.tables++;
    this.blocks.push({ type: "table", rows: table });
  }
}

export function allBold(runs: Run[]): boolean {
  const texts = runs.filter((r): r is { text: string; marks: Marks } => "text" in r && r.text.trim() !== "");
  return texts.length > 0 && texts.every((r) => r.marks.bold);
}

/** Leading and trailing blanks and line breaks off a paragraph; reports the indent they made. */
export function trimRuns(runs: Run[]): { runs: Run[]; indentWidth: number } {
  const out = runs.map((r) => ("text" in r ? { ...r } : r));
  while (out.length && "br" in out[0]) out.shift();
  let indentWidth = 0;
  while (out.length && "text" in out[0]) {
    const first = out[0] as { text: string; marks: Marks };
    const { width, rest } = leadingIndent(first.text);
    indentWidth += width;
    first.text = rest;
    if (rest) break;
    out.shift();
  }
  while (out.length) {
    const last = out[out.length - 1];
    if ("br" in last) {
      out.pop();
      continue;
    }
    last.text = last.text.replace(/[\s\u3000\u00a0]+$/, "");
    if (last.text) break;
    out.pop();
  }
  return { runs: out, indentWidth };
}
