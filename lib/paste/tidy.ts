import type { RichTextNode } from "@/lib/sanitize/tiptap";
import { findDocumentParts, partAlign } from "./gongwen";
import { fixChinesePunctuation } from "./punctuation";
import { INDENT_SPACE, ZERO_WIDTH } from "./text";

/**
 * 一键排版: one click turns a messy document into the house style — every body
 * paragraph with the two-character first-line indent (centred and right-aligned lines
 * excepted), no blank paragraphs, no hand-typed indents or stray spaces, and Chinese
 * punctuation spaced and shaped correctly; the 主送机关 line flush left and the
 * signature block and 成文日期 right-aligned. Formatting marks (bold, links…) are kept.
 */
export interface TidyResult {
  doc: RichTextNode;
  /** Paragraphs and headings that changed or were removed. */
  changes: number;
}

type Mark = NonNullable<RichTextNode["marks"]>[number];
type Token = { ch: string; marks?: Mark[] } | { br: RichTextNode };

export function tidyDocument(doc: RichTextNode): TidyResult {
  let changes = 0;
  const isTextBlock = (node: RichTextNode) => node.type === "paragraph" || node.type === "heading";
  const count = (node: RichTextNode, out: RichTextNode[]) => {
    if (isTextBlock(node) && (out.length !== 1 || JSON.stringify(out[0]) !== JSON.stringify(node))) changes++;
  };
  const visit = (node: RichTextNode, context: "top" | "nested"): RichTextNode[] => {
    if (isTextBlock(node)) return tidyTextBlock(node, context);
    if (!node.content) return [node];
    let content = node.content.flatMap((child) => {
      const out = visit(child, "nested");
      count(child, out);
      return out;
    });
    // A table cell or list item needs at least one paragraph.
    if (!content.length) content = [{ type: "paragraph", attrs: { indent: false } }];
    return [{ ...node, content }];
  };
  const top = (doc.content ?? []).map((child) => ({ child, out: visit(child, "top") }));
  // The 公文 parts are found on the tidied text (hand-typed spaces gone, lines split).
  const laidOut = layOutDocumentParts(top.flatMap((t) => t.out));
  let next = 0;
  const content = top.flatMap(({ child, out }) => {
    const mine = laidOut.slice(next, (next += out.length));
    count(child, mine);
    return mine;
  });
  return { doc: { ...doc, content: content.length ? content : [{ type: "paragraph" }] }, changes };
}

/** The 发文字号, 主送机关 and signature block start flush and keep a printed 公文's alignment. */
function layOutDocumentParts(blocks: RichTextNode[]): RichTextNode[] {
  const texts = blocks.map((b) => (b.type === "paragraph" ? (b.content ?? []).map((c) => (c.type === "text" ? (c.text ?? "") : "\n")).join("") : null));
  const parts = findDocumentParts(texts);
  return blocks.map((block, i) => {
    const part = parts.get(i);
    if (!part) return block;
    const textAlign = block.attrs?.textAlign ?? partAlign(part);
    return { ...block, attrs: { ...block.attrs, indent: false, ...(textAlign ? { textAlign } : {}) } };
  });
}

function tokens(node: RichTextNode): Token[] {
  const out: Token[] = [];
  for (const child of node.content ?? []) {
    if (child.type === "text") for (const ch of (child.text ?? "").replace(ZERO_WIDTH, "")) out.push({ ch, marks: child.marks });
    else out.push({ br: child });
  }
  return out;
}

/** Splits at a line break followed by an indent or another break: those were meant as new paragraphs. */
function splitLines(list: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    const next = list[i + 1];
    const isBreak = "br" in t && t.br.type === "hardBreak";
    if (isBreak && (!next || "br" in next || INDENT_SPACE.test(next.ch))) {
      parts.push([]);
      continue;
    }
    parts[parts.length - 1].push(t);
  }
  return parts;
}

function tidyTextBlock(node: RichTextNode, context: "top" | "nested"): RichTextNode[] {
  const isHeading = node.type === "heading";
  const align = node.attrs?.textAlign;
  const centred = align === "center" || align === "right";
  const lines = isHeading ? [tokens(node)] : splitLines(tokens(node));
  const blocks: RichTextNode[] = [];
  for (const line of lines) {
    const content = fixLine(line);
    if (!content.length) continue;
    const attrs = { ...(node.attrs ?? {}) };
    if (!isHeading) attrs.indent = context === "top" && !centred;
    blocks.push({ ...node, attrs, content });
  }
  // An empty paragraph goes (the parent puts one back where one must remain).
  return blocks;
}

/** Fixes one line's text while keeping each character's marks. */
function fixLine(line: Token[]): RichTextNode[] {
  const segments: { text: string; marks?: Mark[] }[] = [];
  const out: RichTextNode[] = [];
  const flushSegments = () => {
    if (!segments.length) return;
    // Punctuation rules need the whole line's text, so they run on it and the marks are mapped back.
    const text = segments.map((s) => s.text).join("");
    const fixed = fixChinesePunctuation(text);
    out.push(...remark(segments, fixed));
    segments.length = 0;
  };
  for (const t of line) {
    if ("br" in t) {
      flushSegments();
      out.push(t.br);
    } else {
      const last = segments[segments.length - 1];
      if (last && sameMarks(last.marks, t.marks)) last.text += t.ch;
      else segments.push({ text: t.ch, marks: t.marks });
    }
  }
  flushSegments();
  return trimEnds(out);
}

function sameMarks(a?: Mark[], b?: Mark[]): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/**
 * Gives the fixed text the marks of the original characters: both strings are walked
 * together; a character the fixes replaced takes the marks of the one it replaced,
 * removed characters take theirs away.
 */
function remark(segments: { text: string; marks?: Mark[] }[], fixed: string): RichTextNode[] {
  const original: { ch: string; marks?: Mark[] }[] = segments.flatMap((s) => [...s.text].map((ch) => ({ ch, marks: s.marks })));
  const fixedChars = [...fixed];
  const result: { ch: string; marks?: Mark[] }[] = [];
  let i = 0;
  for (const ch of fixedChars) {
    // Skip originals the fixes deleted (spaces) until one lines up.
    while (i < original.length && original[i].ch !== ch && /[\s\u3000\u00a0]/.test(original[i].ch)) i++;
    const source = original[Math.min(i, original.length - 1)];
    result.push({ ch, marks: source?.marks });
    i++;
  }
  const nodes: RichTextNode[] = [];
  for (const r of result) {
    const last = nodes[nodes.length - 1];
    if (last && sameMarks(last.marks, r.marks)) last.text += r.ch;
    else nodes.push({ type: "text", text: r.ch, ...(r.marks?.length ? { marks: r.marks } : {}) });
  }
  return nodes;
}

function trimEnds(nodes: RichTextNode[]): RichTextNode[] {
  const out = [...nodes];
  while (out.length && out[0].type === "hardBreak") out.shift();
  while (out.length && out[out.length - 1].type === "hardBreak") out.pop();
  while (out[0]?.type === "text") {
    out[0] = { ...out[0], text: (out[0].text ?? "").replace(/^[\s\u3000\u00a0]+/, "") };
    if (out[0].text) break;
    out.shift();
  }
  while (out[out.length - 1]?.type === "text") {
    const i = out.length - 1;
    out[i] = { ...out[i], text: (out[i].text ?? "").replace(/[\s\u3000\u00a0]+$/, "") };
    if (out[i].text) break;
    out.pop();
  }
  return out;
}
