/**
 * Character classes for Chinese text handling, shared by the paste cleanup, 一键排版
 * and the character count. Pure string functions: they run in the browser and in tests.
 */

/** Han ideographs (incl. extensions A–H and compatibility ideographs). */
export const HAN = "\\p{Script=Han}";
/** Full-width (CJK) punctuation that never takes a space on either side. */
export const CJK_PUNCT = "，。、；：？！…—·“”‘’（）《》〈〉【】〔〕［］｛｝「」『』～";
/** Characters a Chinese sentence is made of: ideographs and full-width punctuation. */
export const CJK = `${HAN}${CJK_PUNCT}`;

/** Spaces an indent is typed with: full-width space, no-break space, ordinary space, tab. */
export const INDENT_SPACE = /^[\u3000\u00a0 \t]+/;
/** Zero-width characters that hitch a ride in pastes (WeChat, PDFs). */
export const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

const LINE_BREAK_BETWEEN_CJK = new RegExp(`([${CJK}])[ \\t]*[\\r\\n]+[ \\t\\r\\n]*(?=[${CJK}])`, "gu");

/**
 * Text of an HTML text node as a browser would show it: source line breaks and runs
 * of white space collapse to one space — except that a source line break between two
 * Chinese characters (Word wraps its HTML every ~80 characters) is no space at all.
 */
export function collapseHtmlWhitespace(text: string): string {
  return text.replace(ZERO_WIDTH, "").replace(LINE_BREAK_BETWEEN_CJK, "$1").replace(/[ \t\r\n\f]+/g, " ");
}

/** The number of characters (code points, so one per Chinese character) of an indent prefix. */
export function leadingIndent(text: string): { width: number; rest: string } {
  const match = INDENT_SPACE.exec(text);
  if (!match) return { width: 0, rest: text };
  // A full-width space is as wide as a Chinese character; two half-width ones make one.
  const width = [...match[0]].reduce((sum, ch) => sum + (ch === "\u3000" ? 1 : 0.5), 0);
  return { width, rest: text.slice(match[0].length) };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
