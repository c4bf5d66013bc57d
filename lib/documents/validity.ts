import type { DocumentValidity } from "@/generated/prisma/enums";
import { formatCalendarDate, formatDate } from "@/lib/format/date";
import { documentText } from "./text";

/**
 * 有效性 of a policy document: the stored state (reviewed, in every revision) and what a
 * reader is told today. A document whose 有效期至 has come reads 已失效 from that day
 * whether or not the scheduler has run yet, so the live page and the working copy never
 * disagree; the scheduler only announces the day (lib/documents/expiry.ts). Pure: the
 * editor, the public pages and the queries share it.
 */
export const VALIDITIES = ["VALID", "AMENDED", "REPEALED", "EXPIRED"] as const satisfies readonly DocumentValidity[];

export function validityLabel(v: DocumentValidity): string {
  return documentText.states[v];
}

/** A document is an article with a 发文字号 or in a column counted as 信息公开目录. */
export function isDocument(a: { docNo: string | null; reportCategory: string | null | undefined }): boolean {
  return !!a.docNo?.trim() || a.reportCategory === "DISCLOSURE";
}

export interface StoredValidity {
  validity: DocumentValidity;
  validityDate: Date | null;
  validUntil: Date | null;
}

export interface EffectiveValidity {
  state: DocumentValidity;
  /** Since when (a calendar date at UTC midnight); null for a valid document. */
  since: Date | null;
}

/** The state a reader sees on `today` (YYYY-MM-DD in the display zone; now by default). */
export function effectiveValidity(v: StoredValidity, today: string = formatDate(new Date())): EffectiveValidity {
  if (v.validity === "VALID") {
    if (v.validUntil && formatCalendarDate(v.validUntil) <= today) return { state: "EXPIRED", since: v.validUntil };
    return { state: "VALID", since: null };
  }
  return { state: v.validity, since: v.validityDate ?? (v.validity === "EXPIRED" ? v.validUntil : null) };
}

/** 2024年3月1日: dates in running text are written in Chinese (GB/T 9704). */
export function chineseDate(date: Date): string {
  const [y, m, d] = formatCalendarDate(date).split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** "本文件已于2024年3月1日废止": the top of a document's page (the page adds "，见《……》"); null while valid. */
export function validitySentence(v: EffectiveValidity): string | null {
  if (v.state === "VALID") return null;
  const verb = documentText.verbs[v.state];
  return v.since ? `本文件已于${chineseDate(v.since)}${verb}` : `本文件已${verb}`;
}

/** The validity fields of a row, as the article content and its revisions carry them. */
export function storedValidityOf(row: StoredValidity & { replacedById: number | null }) {
  return { validity: row.validity, validityDate: row.validityDate, replacedById: row.replacedById, validUntil: row.validUntil };
}

/** A document's 有效性 as its page shows it: null for an article that is not a document. */
export interface DocumentView extends EffectiveValidity {
  /** The document that amends or replaces it, when that one is public. */
  replacement: { id: number; title: string } | null;
}

export function documentViewOf(
  row: StoredValidity & { docNo: string | null; reportCategory: string | null; replacedById: number | null; replacementTitle: string | null },
  today?: string,
): DocumentView | null {
  if (!isDocument(row)) return null;
  const effective = effectiveValidity(row, today);
  const replacement = row.replacedById !== null && row.replacementTitle !== null && effective.state !== "VALID" ? { id: row.replacedById, title: row.replacementTitle } : null;
  return { ...effective, replacement };
}
