import { allBold, runsText, type Block, type Run } from "./blocks";

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
  const ranks = blocks.map((b) => (b.type === "paragraph" && !b.caption ? numberedHeadingRank(runsText(b.runs)) : -1));
  const used = [...new Set(ranks.filter((r) => r >= 0))].sort((a, b) => a - b);
  return blocks.map((block, i): Block => {
    if (block.type !== "paragraph" || block.caption) return block;
    const levelIndex = used.indexOf(ranks[i]);
    if (ranks[i] >= 0 && levelIndex <= 2) {
      return { type: "heading", level: (2 + levelIndex) as 2 | 3 | 4, runs: unbold(block.runs), align: block.align };
    }
    if (block.headingLevel || isBoldHeading(block.runs)) {
      return { type: "heading", level: block.headingLevel ?? 2, runs: unbold(block.runs), align: block.align };
    }
    return block;
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
    if (prev?.type === "image" && !prev.caption && block.type === "paragraph") {
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
