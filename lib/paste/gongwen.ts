/**
 * The parts of a 公文 (GB/T 9704) that sit outside its body text and are laid out
 * by position, not by heading: the 发文字号 (centred under the 发文机关标志), the
 * 主送机关 line (flush left, ends with a colon) and, at the end, the 发文机关署名 with
 * the 成文日期 (right-aligned), optionally followed by a 附注 such as （此件公开发布）.
 *
 * Word keeps their alignment in the clipboard, but a .docx read by mammoth or a page
 * that typed the signature with spaces does not: these rules give them back the layout
 * a printed 公文 has, and keep them from being taken for headings or captions.
 * Pure string functions, shared by the paste cleanup and 一键排版.
 */

export type DocumentPart = "docNumber" | "addressee" | "signature" | "date";

/** 乌府办发〔2023〕12号 — 〔〕 is the standard bracket; [] （） ［］ are common typing slips. */
const DOC_NUMBER = /^[\p{Script=Han}A-Za-z]{1,20}[〔［\[（(]\s*\d{4}\s*[〕］\]）)]\s*\d{1,5}\s*号$/u;
/** 2023年7月30日, also the older 二〇二三年七月三十日. */
const DATE = /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;
/** （此件公开发布）（联系人：…）: 附注 come after the date. */
const NOTE = /^[（(].*[）)]$/;
const SENTENCE = /[。！？；!?;]/;
const MAX_ADDRESSEE_CHARS = 120;
const MAX_SIGNATURE_CHARS = 30;
/** The 主送机关 line comes within the first few blocks, before the body starts. */
const ADDRESSEE_WITHIN = 8;

const squash = (text: string) => text.replace(/[\s\u3000\u00a0]+/g, "");
const length = (text: string) => [...text].length;

export const isDocNumber = (text: string): boolean => DOC_NUMBER.test(squash(text));
export const isDate = (text: string): boolean => DATE.test(squash(text));

function isAddressee(text: string): boolean {
  const t = text.trim();
  return /[：:]$/.test(t) && !SENTENCE.test(t) && !t.includes("\n") && length(t) <= MAX_ADDRESSEE_CHARS;
}

function isSignatureName(text: string): boolean {
  const t = squash(text);
  return t.length > 0 && length(t) <= MAX_SIGNATURE_CHARS && !/[。，,；;：:！？!?、]/.test(t) && !/^附件/.test(t) && !isDate(t);
}

/**
 * A signature and date typed as one paragraph with line breaks
 * ("乌海市人民政府办公室\n2023年7月30日") — the whole paragraph is the signature block.
 */
function isSignatureBlock(text: string): boolean {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.length >= 2 && isDate(lines[lines.length - 1]) && lines.slice(0, -1).every(isSignatureName);
}

/**
 * Which of the top-level blocks are 公文 parts. `texts` has one entry per top-level
 * block: the paragraph's text, or null for anything that is not a paragraph.
 */
export function findDocumentParts(texts: (string | null)[]): Map<number, DocumentPart> {
  const parts = new Map<number, DocumentPart>();
  texts.forEach((t, i) => {
    if (t !== null && isDocNumber(t)) parts.set(i, "docNumber");
  });

  for (let i = 0; i < Math.min(texts.length, ADDRESSEE_WITHIN); i++) {
    const t = texts[i];
    if (t === null || parts.has(i)) continue;
    if (isAddressee(t)) parts.set(i, "addressee");
    // The body has begun: a colon after this introduces a list, not the addressees.
    if (isAddressee(t) || SENTENCE.test(t)) break;
  }

  // The date is the last paragraph but for 附注.
  let end = texts.length - 1;
  while (end >= 0 && texts[end] !== null && NOTE.test(squash(texts[end]!))) end--;
  const last = texts[end];
  if (last === null || last === undefined) return parts;
  if (isSignatureBlock(last)) {
    parts.set(end, "signature");
  } else if (isDate(last)) {
    parts.set(end, "date");
    // Joint documents have one 署名 per office, one above the other.
    for (let i = end - 1; i >= Math.max(0, end - 3); i--) {
      const t = texts[i];
      if (t === null || parts.has(i) || !isSignatureName(t)) break;
      parts.set(i, "signature");
    }
  }
  return parts;
}

/** The alignment a part takes when its source did not say. */
export function partAlign(part: DocumentPart): "center" | "right" | null {
  if (part === "docNumber") return "center";
  if (part === "signature" || part === "date") return "right";
  return null;
}
