import { normalizeForSearch, type Needle } from "./needles";

/**
 * Highlighting and snippets, built from plain text in our own code: ts_headline does
 * not understand bigrams. The result is a list of segments the page renders with
 * <mark> elements, so text is escaped by React and no HTML is ever assembled here.
 */
export interface Segment {
  text: string;
  hit: boolean;
}

interface Range {
  start: number;
  end: number;
}

const MAX_HITS = 500;

/**
 * Where the needles occur in `text`, as ranges of the original string. The text is
 * normalised one code point at a time (NFKC + lowercase, as the index does), keeping
 * a map back to the original offsets, so full-width or upper-case matches light up.
 */
export function findHits(text: string, needles: readonly Needle[]): Range[] {
  if (needles.length === 0 || text.length === 0) return [];
  const parts: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const piece = normalizeChar(text, i, codePoint, width);
    for (let k = 0; k < piece.length; k++) origin.push(i);
    parts.push(piece);
    i += width;
  }
  origin.push(text.length);
  const normalized = parts.join("");

  const hits: Range[] = [];
  const taken = new Uint8Array(normalized.length);
  for (const needle of needles) {
    for (let at = normalized.indexOf(needle.text); at !== -1 && hits.length < MAX_HITS; at = normalized.indexOf(needle.text, at + 1)) {
      const end = at + needle.text.length;
      if (needle.word && (isWordChar(normalized[at - 1]) || isWordChar(normalized[end]))) continue;
      if (taken.subarray(at, end).some(Boolean)) continue; // a longer needle already covers it
      taken.fill(1, at, end);
      hits.push({ start: origin[at], end: origin[end] });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * One character as the index sees it. Most characters of a Chinese text are ASCII or
 * common ideographs, which NFKC leaves alone: skip String.normalize for those (it is
 * most of the cost of a result page's snippets otherwise).
 */
function normalizeChar(text: string, i: number, codePoint: number, width: number): string {
  if (codePoint < 0x80) return codePoint >= 0x41 && codePoint <= 0x5a ? String.fromCharCode(codePoint + 32) : text[i];
  if (codePoint >= 0x4e00 && codePoint <= 0x9fff) return text[i];
  return normalizeForSearch(text.slice(i, i + width));
}

/** The whole text, with every occurrence of the needles marked (titles). */
export function highlight(text: string, needles: readonly Needle[]): Segment[] {
  return toSegments(text, 0, text.length, findHits(text, needles));
}

/**
 * A window of about `length` characters around the densest cluster of hits, with
 * "…" where text was cut. Without hits (a title-only match), the text's beginning.
 */
export function snippet(text: string, needles: readonly Needle[], length = 160): Segment[] {
  const flat = text.replace(/\s+/g, " ").trim();
  const hits = findHits(flat, needles);
  let start = 0;
  if (hits.length > 0) {
    // Hits are sorted: slide a window over them, anchored a quarter in, keep the fullest.
    let best = -1;
    let first = 0;
    let last = 0;
    for (const anchor of hits) {
      const from = Math.max(0, anchor.start - Math.floor(length / 4));
      while (hits[first].start < from) first++;
      last = Math.max(last, first);
      while (last < hits.length && hits[last].end <= from + length) last++;
      if (last - first > best) {
        best = last - first;
        start = from;
      }
    }
  }
  let end = Math.min(flat.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  // Never cut a surrogate pair (an emoji or a rare ideograph) in half.
  if (isLowSurrogate(flat.charCodeAt(start))) start++;
  if (isLowSurrogate(flat.charCodeAt(end))) end--;
  const segments = toSegments(flat, start, end, hits);
  if (start > 0) segments.unshift({ text: "…", hit: false });
  if (end < flat.length) segments.push({ text: "…", hit: false });
  return segments;
}

function toSegments(text: string, start: number, end: number, hits: readonly Range[]): Segment[] {
  const segments: Segment[] = [];
  let at = start;
  for (const hit of hits) {
    const from = Math.max(hit.start, at);
    const to = Math.min(hit.end, end);
    if (to <= from) continue;
    if (from > at) segments.push({ text: text.slice(at, from), hit: false });
    segments.push({ text: text.slice(from, to), hit: true });
    at = to;
  }
  if (at < end) segments.push({ text: text.slice(at, end), hit: false });
  return segments;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[0-9a-z]/.test(c);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
