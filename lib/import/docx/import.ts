import { t } from "@/lib/i18n/zh-CN";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import { mapImages, placeholderIndex } from "./body";
import { readDocx } from "./read";
import { emptyWordImportReport, type WordImportReport } from "./report";

export { DocxError, WordImportInvalid } from "./errors";
export { takeTitle } from "./body";

/**
 * A .docx → the editor's JSON, the way a paste from Word gets there:
 *
 *   file checks and bounded unzip (container.ts), what mammoth drops counted (scan.ts)
 *   → in a worker thread (read.ts, worker.ts): mammoth (mammoth.ts) → markers, notes
 *   (html.ts) → cleanPastedHtml, the paste's own cleanup (公文 headings, lists, tables,
 *   bold/italic…) → the editor's schema → the title taken off the top when it is
 *   obvious → checked against the save's bounds (convert.ts)
 *   → and only then the pictures stored (storePicture: the media pipeline) and put in place.
 *
 * Everything that can fail on the file fails before a picture is stored, so a refused
 * file leaves nothing behind.
 */
export interface StoredPicture {
  id: number;
  src: string;
  srcset: string;
}

export type PictureOutcome = { ok: true; picture: StoredPicture } | { ok: false; vector: boolean; reason: string };

export interface PictureToStore {
  index: number;
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
  alt: string;
}

export interface WordImport {
  /** The document's title when it is obvious (a Title-styled or centred first line), else null. */
  title: string | null;
  /** That title's block as it was in the document, for an editor that keeps its own title. */
  titleBlock: RichTextNode | null;
  body: RichTextNode;
  report: WordImportReport;
}

/** Word's vector formats (charts, drawings, Visio): no browser shows them, the pipeline does not read them. */
const VECTOR = /^image\/(x-)?(emf|wmf)$/i;

export async function importWordDocument(data: Uint8Array, storePicture: (picture: PictureToStore) => Promise<PictureOutcome>): Promise<WordImport> {
  const read = await readDocx(data);
  const report = emptyWordImportReport();
  const c = read.counts;
  Object.assign(report, { headings: c.headings, paragraphs: c.paragraphs, tables: c.tables, notes: c.notes });
  report.removed = { trackedChanges: read.scan.trackedChanges, comments: Math.max(read.scan.comments, c.comments), emptyParagraphs: c.emptyParagraphs, toc: c.toc };
  report.unsupported = { equations: read.scan.equations, charts: read.scan.charts + read.scan.smartArt, objects: read.scan.embeddedObjects };

  // Each picture once (the same one may be used twice), in document order, with the alt text it has there.
  const used = new Map<number, string>();
  mapImages(read.body, (image) => {
    const index = placeholderIndex(image.attrs?.src);
    if (index !== null && read.images[index] && !used.has(index)) used.set(index, String(image.attrs?.alt ?? ""));
    return image;
  });
  const outcomes = new Map<number, PictureOutcome>();
  for (const [index, alt] of used) {
    const { bytes, contentType } = read.images[index];
    outcomes.set(index, VECTOR.test(contentType) ? { ok: false, vector: true, reason: "" } : await storePicture({ index, bytes, contentType, alt }));
  }
  const body = mapImages(read.body, (image) => {
    const index = placeholderIndex(image.attrs?.src);
    const outcome = index === null ? undefined : outcomes.get(index);
    if (!outcome?.ok) {
      if (outcome?.vector) report.images.vector++;
      else {
        report.images.refused++;
        report.images.refusedReason ||= outcome?.reason ?? "";
      }
      return null;
    }
    report.images.kept++;
    if (!String(image.attrs?.alt ?? "").trim()) report.images.missingAlt++;
    return { ...image, attrs: { ...image.attrs, src: outcome.picture.src, srcset: outcome.picture.srcset || null, mediaId: outcome.picture.id } };
  });
  if (c.unreadableImages) {
    report.images.refused += c.unreadableImages;
    report.images.refusedReason ||= t.wordImport.imageMissing;
  }
  if (!body.content?.length) body.content = [{ type: "paragraph" }];
  return { title: read.title, titleBlock: read.titleBlock, body, report };
}
