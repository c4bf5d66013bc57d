import { Window } from "happy-dom";
import { cleanPastedHtml } from "@/lib/paste/clean";
import { htmlToRichText, richTextToPlainText } from "@/lib/sanitize/tiptap";
import { richTextDocSchema, type RichTextNode } from "@/lib/sanitize/tiptap-schema";
import { takeTitle } from "./body";
import { DocxError, WordImportInvalid } from "./errors";
import { prepareMammothHtml } from "./html";
import { readWithMammoth, type MammothRead } from "./mammoth";
import { withLiteralNumbering } from "./literal-numbering";
import { IMAGE_PREFIX } from "./markers";
import { readStyleLooks } from "./styles";

/**
 * The conversion proper, run in the reader's worker thread (./worker.ts): mammoth
 * (./mammoth.ts), after Word's own 公文 heading numbers are made literal text
 * (./literal-numbering.ts) → markers and notes (./html.ts) → cleanPastedHtml, the paste's own
 * cleanup (公文 headings, lists, tables, bold/italic…) → the editor's schema
 * (htmlToRichText) → the title off the top when it is obvious → the save's own bounds.
 * Pictures stay placeholders (/__docx-image/<n>) with their bytes beside: the main
 * thread stores them (./import.ts). Pure: no database, no files.
 */
export interface ConvertInput {
  data: Uint8Array;
  stylesXml: string | null;
  altByHash: Record<string, string>;
  maxImages: number;
  maxImageBytes: number;
}

export interface Converted {
  title: string | null;
  titleBlock: RichTextNode | null;
  body: RichTextNode;
  images: MammothRead["images"];
  counts: {
    headings: number;
    paragraphs: number;
    tables: number;
    emptyParagraphs: number;
    notes: number;
    toc: number;
    comments: number;
    unreadableImages: number;
  };
}

export async function convertDocx(input: ConvertInput): Promise<Converted> {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, disableComputedStyleRendering: true },
  });
  try {
    const parser = new window.DOMParser() as unknown as DOMParser;
    let looks;
    try {
      looks = readStyleLooks(input.stylesXml, parser);
    } catch {
      // Styles only add alignment and indents: a file whose styles do not parse is still read.
      looks = { byId: {}, normal: {} };
    }
    let data = input.data;
    try {
      data = await withLiteralNumbering(input.data);
    } catch {
      // Literal 公文 numbers are a refinement: a file whose numbering cannot be read is read as it is.
    }
    const read = await readWithMammoth(data, { looks, altByHash: input.altByHash, maxImages: input.maxImages, maxImageBytes: input.maxImageBytes });
    const prepared = prepareMammothHtml(read.html, parser);
    const cleaned = cleanPastedHtml(prepared.html, parser);
    const { title, titleBlock, body } = takeTitle(htmlToRichText(cleaned.html));
    if (!richTextToPlainText(body).trim() && !JSON.stringify(body).includes(IMAGE_PREFIX) && !title) throw new DocxError("empty");
    // The save's own checks (rich-text bounds: table sizes, spans…), before anything is stored.
    const checked = richTextDocSchema.safeParse(body);
    if (!checked.success) throw new WordImportInvalid(checked.error.issues.map((i) => i.message));
    return {
      title,
      titleBlock,
      body,
      images: read.images,
      counts: {
        // Less the title (now the article's) and the 注释 heading (the notes are counted as such).
        headings: cleaned.report.headings - (titleBlock?.type === "heading" ? 1 : 0) - (prepared.notes ? 1 : 0),
        paragraphs: cleaned.report.paragraphs - (titleBlock?.type === "paragraph" ? 1 : 0),
        tables: cleaned.report.tables,
        emptyParagraphs: cleaned.report.removed.emptyParagraphs,
        notes: prepared.notes,
        toc: read.toc,
        comments: read.comments,
        unreadableImages: read.unreadableImages,
      },
    };
  } finally {
    await window.happyDOM.close();
  }
}
