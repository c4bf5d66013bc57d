import { allBold, runsText, type Block, type Run } from "./blocks";
import { findDocumentParts, partAlign } from "./gongwen";

/**
 * 公文 number their headings by level: 一、 then （一） then 1. then （1）. A short
 * paragraph that starts with one of these and has no sentence in it is a heading;
 * the levels found become H2, H3, H4 in that order (the page title is the H1).
 */
export const NUMBERED_HEADINGS: RegExp[] = [
  /^[一二三四五六七八九十百零〇]+、/,
  /^[（(][一二三四五六七八九十百零〇]+[）)]/,
  /^\d{1,2}[.．、](?!\d)/,
  /^[（(]\d{1,2}[）)]/,
];

const SENTENCE_END = /[。！？；!?;]/;
const MAX_HEADING_CHARS = 40;

/** The numbering rank (0 = 一、) of a paragraph that reads as a numbered heading, or -1. */
export function numberedHeadingRank(text: string): number {
  const t = text.trim();
  if ([...t].length > MAX_HEADING_CHARS || SENTENCE_END.test(t)) return -1;
  const rank = NUMBERED_HEADINGS.findIndex((re) => re.test(t));
  // A number alone ("一、") is not a heading.
  if (rank < 0 || !t.replace(NUMBERED_HEADINGS[rank], "").trim()) return -1;
  return rank;
}

/** Levels 2–4 (（一） 1. （1）) are usually run in with their paragraph; level 1 stands alone. */
const RUN_IN_HEADINGS = NUMBERED_HEADINGS.slice(1);

/**
 * The length of a run-in heading at the start of a paragraph ("（一）加强组织领导。成立…"):
 * the number and its first sentence, up to and including the first 。, when more text
 * follows; 0 when the paragraph does not start with one. A lead-in is a short phrase:
 * a long first sentence, or one with a colon or semicolon, is body text that happens
 * to be numbered.
 */
export function runInHeadingLength(text: string): number {
  const numbering = RUN_IN_HEADINGS.find((re) => re.test(text));
  if (!numbering) return 0;
  const end = text.indexOf("。");
  const number = numbering.exec(text)![0];
  if (end <= number.length) return 0;
  const lead = text.slice(0, end + 1);
  if ([...lead].length > MAX_HEADING_CHARS || /[；;！？!?：:\n]/.test(lead)) return 0;
  return text.slice(end + 1).replace(/[\s\u3000\u00a0]/g, "") ? end + 1 : 0;
}

/** The runs with their first `length` characters set in bold (splitting the run the boundary falls in). */
function boldPrefix(runs: Run[], length: number): Run[] {
  let left = length;
  return runs.flatMap((r): Run[] => {
    if (left <= 0) return [r];
    if (!("text" in r)) {
      left -= 1;
      return [r];
    }
    const head = r.text.slice(0, left);
    const tail = r.text.slice(left);
    left -= head.length;
    return [{ text: head, marks: { ...r.marks, bold: true } }, ...(tail ? [{ text: tail, marks: r.marks }] : [])];
  });
}

/** A short line set entirely in bold — how WeChat and web pages make their sub-headings. */
function isBoldHeading(runs: Run[]): boolean {
  const t = runsText(runs).trim();
  return allBold(runs) && [...t].length <= 30 && !SENTENCE_END.test(t) && !/[：:，,]$/.test(t) && !runs.some((r) => "br" in r);
}

function unbold(runs: Run[]): Run[] {
  return runs.map((r) => ("text" in r ? { text: r.text, marks: { ...r.marks, bold: false } } : r));
}

/**
 * Promotes heading-like paragraphs of the top level to headings. Needs at least two
 * blocks: a single pasted phrase goes into the paragraph it is pasted in.
 */
export function inferHeadings(blocks: Block[]): Block[] {
  if (blocks.length < 2) return blocks;
  const ranks = blocks.map((b) => (b.type === "paragraph" && !b.caption && !b.part ? numberedHeadingRank(runsText(b.runs)) : -1));
  const used = [...new Set(ranks.filter((r) => r >= 0))].sort((a, b) => a - b);
  return blocks.map((block, i): Block => {
    if (block.type !== "paragraph" || block.caption || block.part) return block;
    const levelIndex = used.indexOf(ranks[i]);
    if (ranks[i] >= 0 && levelIndex <= 2) {
      return { type: "heading", level: (2 + levelIndex) as 2 | 3 | 4, runs: unbold(block.runs), align: block.align };
    }
    if (block.headingLevel || isBoldHeading(block.runs)) {
      return { type: "heading", level: block.headingLevel ?? 2, runs: unbold(block.runs), align: block.align };
    }
    // A run-in heading keeps its paragraph; its lead-in in bold keeps the structure visible.
    const lead = runInHeadingLength(runsText(block.runs));
    return lead ? { ...block, runs: boldPrefix(block.runs, lead) } : block;
  });
}

/**
 * A short centred line right under a picture is its caption (WeChat and Word both
 * set captions that way); so is a paragraph Word styles as a caption.
 */
export function attachCaptions(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    // A 发文字号 centred under a 发文机关标志 picture is no caption.
    if (prev?.type === "image" && !prev.caption && block.type === "paragraph" && !block.part) {
      const text = runsText(block.runs).trim();
      if (block.caption || (block.align === "center" && [...text].length <= 60 && !/。$/.test(text))) {
        prev.caption = text;
        continue;
      }
    }
    out.push(block);
  }
  return out;
}

/**
 * Marks the 发文字号, the 主送机关 line and the signature block with 成文日期 (see
 * gongwen.ts): they never become headings or captions, start flush (no first-line
 * indent) and take the alignment of a printed 公文 when the source gave none.
 */
export function markDocumentParts(blocks: Block[]): Block[] {
  const parts = findDocumentParts(blocks.map((b) => (b.type === "paragraph" && !b.caption ? runsText(b.runs) : null)));
  return blocks.map((block, i): Block => {
    const part = parts.get(i);
    if (!part || block.type !== "paragraph") return block;
    return { ...block, part, indent: false, align: block.align ?? partAlign(part), headingLevel: undefined };
  });
}
