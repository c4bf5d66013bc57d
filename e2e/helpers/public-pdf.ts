import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * The text of a PDF (e.g. from page.pdf()), pages joined. NFKC-normalized: fonts map
 * some ideographs to their Kangxi-radical look-alikes (⼈ for 人), which NFKC folds back.
 * Compare with nfkc() of the expected text, ignoring line breaks (compact()).
 */
export async function pdfText(data: Buffer): Promise<string> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await doc.destroy();
  return nfkc(pages.join("\n"));
}

export const nfkc = (text: string) => text.normalize("NFKC");

/** Without any whitespace: printed lines break anywhere. */
export const compact = (text: string) => nfkc(text).replace(/\s+/g, "");
