import { formatDateTime } from "@/lib/format/date";
import { zoneOffset } from "@/lib/format/zone";
import { fill } from "@/lib/i18n/fill";
import { groupedHash } from "./content-hash";
import type { ApprovalForm } from "./form";
import { APPROVAL_TEXT as L } from "./text";

/** A label and its value: one cell pair of the form. */
export interface FormField {
  label: string;
  value: string;
}

/**
 * The 审签单 as rows of text, laid out once for both the print page and the PDF:
 * the head (one or two fields a row), the levels table, and the foot.
 */
export function approvalFormView(form: ApprovalForm, now: Date = new Date()) {
  const when = (d: Date | null) => (d ? formatDateTime(d).slice(0, 16) : L.none);
  const { article, round } = form;
  const head: FormField[][] = [
    [{ label: L.articleTitle, value: article.title }],
    [
      { label: L.column, value: article.column },
      { label: L.author, value: article.author || L.none },
    ],
    [
      { label: L.createdBy, value: article.createdBy },
      { label: L.submitter, value: round.submitter ? `${round.submitter}　${when(round.submittedAt)}` : L.notSubmitted },
    ],
  ];
  const levels = round.levels.map((l) => ({
    level: L.levelNames[l.level - 1] ?? `第 ${l.level} 级`,
    reviewer: l.reviewer ?? L.none,
    opinion: l.decision === null ? L.pending : `${l.decision === "approved" ? L.approved : L.returned}${l.comment ? `：${l.comment}` : ""}`,
    time: when(l.at),
  }));
  const foot: FormField[][] = [
    [
      { label: L.publicDate, value: when(article.publicDate) },
      { label: L.publisher, value: round.publishedAt ? (round.publisher ?? L.scheduler) : L.none },
    ],
    [{ label: L.version, value: round.version ? `${fill(L.versionValue, { version: round.version })}${round.approved ? "" : L.notApproved}` : L.none }],
    [{ label: L.hash, value: form.contentHash ? groupedHash(form.contentHash) : L.none }],
    [{ label: L.site, value: `${form.site.name}　${form.site.url}` }],
  ];
  return {
    siteName: form.site.name,
    title: L.title,
    head,
    levels,
    foot,
    note: round.published ? L.roundPublished : L.roundCurrent,
    hashNote: L.hashNote,
    printedAt: fill(L.printedAt, { time: formatDateTime(now), zone: `UTC${zoneOffset(now)}` }),
    articleNo: fill(L.articleNo, { id: article.id }),
  };
}

export type ApprovalFormView = ReturnType<typeof approvalFormView>;
