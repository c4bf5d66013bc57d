import { BlockBuilder, type Block } from "./blocks";
import { removeJunk } from "./dom-cleanup";
import { attachCaptions, inferHeadings, markDocumentParts } from "./headings";
import { detectSource, emptyReport, type PasteReport } from "./report";
import { blocksToHtml } from "./serialize";
import { convertWordLists } from "./word-lists";

export type { PasteReport, PasteSource } from "./report";

export interface CleanPaste {
  /** HTML made only of what the editor's schema holds. */
  html: string;
  report: PasteReport;
}

/**
 * Cleans HTML pasted from Word, WPS, WeChat or a web page: keeps headings, paragraphs,
 * bold/italic/underline, lists, tables, links and pictures; drops fonts, sizes,
 * colours, classes, Office markup, comments, tracked changes and empty paragraphs;
 * turns 公文 numbered headings into a heading hierarchy (run-in ones into a bold
 * lead-in), lays out the 发文字号, 主送机关 and signature block as a printed 公文 does,
 * and turns hand-typed indents into the paragraph style. Runs wherever a DOMParser exists (the browser; tests use happy-dom).
 */
export function cleanPastedHtml(html: string, parser: DOMParser = new DOMParser()): CleanPaste {
  const report = emptyReport(detectSource(html));
  const doc = parser.parseFromString(html, "text/html");
  const body = doc.body;
  removeJunk(body, report);
  convertWordLists(body);
  const blocks = inferHeadings(attachCaptions(markDocumentParts(new BlockBuilder(report).children(body).blocks)));
  count(blocks, report);
  return { html: blocksToHtml(blocks), report };
}

function count(blocks: Block[], report: PasteReport): void {
  for (const b of blocks) {
    if (b.type === "paragraph") report.paragraphs++;
    else if (b.type === "heading") report.headings++;
    else if (b.type === "quote") count(b.blocks, report);
  }
}
