import { CJK_PUNCT, HAN } from "./text";

/**
 * Spacing and punctuation fixes for Chinese text, on plain strings. Each rule looks
 * only at Chinese context, so numbers (1.5, 10:30), URLs and English are left alone.
 */
const HALF_TO_FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。" };
const SPACE = "[ \\u00a0\\u3000\\t]";

const rules: [RegExp, string | ((...m: string[]) => string)][] = [
  // Half-width punctuation right after a Chinese character becomes full-width (a "." only at a sentence end).
  [new RegExp(`(${HAN})${SPACE}*([,;:?!])(?!\\d)`, "gu"), (_m, han, p) => han + HALF_TO_FULL[p]],
  [new RegExp(`(${HAN})${SPACE}*\\.(?=${SPACE}*(${HAN}|$|[“”"']))`, "gu"), (_m, han) => `${han}。`],
  // …and right before one.
  [new RegExp(`${SPACE}*([,;:?!])${SPACE}*(?=${HAN})`, "gu"), (_m, p) => HALF_TO_FULL[p]],
  // Half-width brackets around Chinese text.
  [new RegExp(`\\(([^()]*${HAN}[^()]*)\\)`, "gu"), (_m, inner) => `（${inner}）`],
  // No space before or after full-width punctuation.
  [new RegExp(`${SPACE}+([${CJK_PUNCT}])`, "gu"), "$1"],
  [new RegExp(`([${CJK_PUNCT}])${SPACE}+`, "gu"), "$1"],
  // No space between two Chinese characters.
  [new RegExp(`(${HAN})${SPACE}+(?=${HAN})`, "gu"), "$1"],
  // Runs of spaces elsewhere become one.
  [/[ \u00a0\t]{2,}/g, " "],
];

export function fixChinesePunctuation(text: string): string {
  let out = text;
  for (const [re, replacement] of rules) out = out.replace(re, replacement as string);
  return out;
}
