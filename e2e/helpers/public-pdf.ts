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

/**
 * CJK fonts draw a radical and its ideograph with one glyph, and the PDF's text map
 * then names the radical (U+2E80–U+2FDF). NFKC folds the Kangxi radicals back (to
 * traditional forms: ⼾ is 户 in simplified text); the simplified radicals need this
 * table (Unicode's EquivalentUnifiedIdeograph, the ones simplified Chinese uses).
 */
const RADICALS: Record<string, string> = {
  "\u2ea0": "民", "\u2ec5": "见", "\u2ec6": "角", "\u2ec8": "讠", "\u2ec9": "贝", "\u2ecb": "车", "\u2ed0": "钅",
  "\u2ed3": "长", "\u2ed4": "门", "\u2ed6": "阝", "\u2ed8": "青", "\u2eda": "页", "\u2edb": "风", "\u2edc": "飞",
  "\u2edd": "食", "\u2ee0": "饣", "\u2ee2": "马", "\u2ee4": "鬼", "\u2ee5": "鱼", "\u2ee6": "鸟", "\u2ee7": "卤",
  "\u2ee9": "黄", "\u2eea": "黾", "\u2eee": "齿", "\u2ef0": "龙", "\u2ef3": "龟", "\u2f3e": "户",
};

export const nfkc = (text: string) => text.replace(/[\u2e80-\u2fdf]/g, (c) => RADICALS[c] ?? c).normalize("NFKC");

/** Without any whitespace: printed lines break anywhere. */
export const compact = (text: string) => nfkc(text).replace(/\s+/g, "");
