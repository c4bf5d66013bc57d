import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";
import type { DocxProblem } from "./errors";
import { DOCX_LIMITS } from "./limits";

/**
 * What a Word import kept and what it left out, for the editor to show (as the paste
 * summary does). Pure: the server makes it, the browser words it.
 */
export interface WordImportReport {
  headings: number;
  paragraphs: number;
  tables: number;
  notes: number;
  images: {
    /** Stored in the media library and placed in the body. */
    kept: number;
    /** Of those, without a description in the document. */
    missingAlt: number;
    /** Left out: EMF/WMF and other formats no browser shows. */
    vector: number;
    /** Left out: the media pipeline refused them (damaged, too large…), with its first reason. */
    refused: number;
    refusedReason: string;
  };
  removed: {
    trackedChanges: number;
    comments: number;
    emptyParagraphs: number;
    /** Table-of-contents paragraphs. */
    toc: number;
  };
  /** Content with no place in an article, not imported. */
  unsupported: { equations: number; charts: number; objects: number };
}

export function emptyWordImportReport(): WordImportReport {
  return {
    headings: 0,
    paragraphs: 0,
    tables: 0,
    notes: 0,
    images: { kept: 0, missingAlt: 0, vector: 0, refused: 0, refusedReason: "" },
    removed: { trackedChanges: 0, comments: 0, emptyParagraphs: 0, toc: 0 },
    unsupported: { equations: 0, charts: 0, objects: 0 },
  };
}

/** The message for a file that cannot be imported. */
export function docxProblemMessage(problem: DocxProblem): string {
  const w = t.wordImport;
  switch (problem) {
    case "empty":
      return w.empty;
    case "too-large":
      return fill(w.tooLarge, { mb: DOCX_LIMITS.fileBytes / 1024 / 1024 });
    case "legacy":
      return w.legacy;
    case "encrypted":
      return w.encrypted;
    case "not-docx":
      return w.notDocx;
    case "too-complex":
      return w.tooComplex;
    case "busy":
      return w.busy;
    default:
      return w.damaged;
  }
}

/** One sentence: what was imported, what was left out, what needs the editor. */
export function wordImportSummary(r: WordImportReport): string {
  const w = t.wordImport;
  const part = (n: number, template: string, extra: Record<string, string> = {}) => (n ? fill(template, { n, ...extra }) : "");
  const list = (items: string[], separator: string) => items.filter(Boolean).join(separator);
  const kept = list(
    [part(r.headings, w.headings), part(r.paragraphs, w.paragraphs), part(r.tables, w.tables), part(r.images.kept, w.images), part(r.notes, w.notes)],
    "、",
  );
  const dropped = list(
    [part(r.removed.trackedChanges, w.tracked), part(r.removed.comments, w.comments), r.removed.toc ? w.toc : "", part(r.removed.emptyParagraphs, w.emptyParagraphs)],
    "、",
  );
  const attention = list(
    [
      part(r.images.missingAlt, w.imagesMissingAlt),
      part(r.images.vector, w.imagesVector),
      part(r.images.refused, w.imagesRefused, { reason: r.images.refusedReason.replace(/。$/, "") }),
      part(r.unsupported.equations, w.equations),
      part(r.unsupported.charts, w.charts),
      part(r.unsupported.objects, w.objects),
    ],
    "；",
  );
  const head = fill(w.done, { kept: kept ? fill(w.kept, { kept }) : "" });
  return list([head, dropped && fill(w.dropped, { dropped }), attention], "；") + "。";
}

/** Does the summary ask the editor to do something? Then it is shown as a warning. */
export function wordImportNeedsAttention(r: WordImportReport): boolean {
  return r.images.missingAlt + r.images.vector + r.images.refused + r.unsupported.equations + r.unsupported.charts + r.unsupported.objects > 0;
}
