import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { env } from "@/lib/env";
import { fill } from "@/lib/i18n/fill";
import { APPROVAL_TEXT as L } from "./text";
import type { ApprovalFormView, FormField } from "./view";

/** The CJK font is missing: the route answers with this message, which says what to install. */
export class PdfFontMissingError extends Error {
  constructor(readonly fontPath: string) {
    super(fill(L.fontMissing, { path: fontPath }));
    this.name = "PdfFontMissingError";
  }
}

/**
 * A font collection (.ttc) needs the name of the face inside it: the Simplified Chinese
 * face of Noto's collections, which fonts-noto-cjk installs; a .ttf/.otf has one face.
 */
function faceOf(fontPath: string): string | undefined {
  if (!/\.ttc$/i.test(fontPath)) return undefined;
  const base = path.basename(fontPath, path.extname(fontPath)); // NotoSerifCJK-Regular
  const [family, weight = "Regular"] = base.split("-");
  return `${family}sc-${weight}`;
}

const A4_MARGIN = 50;
const LABEL_WIDTH = 0.18;
const PAD = 6;

/** The 发稿审签单 as an A4 PDF, the same rows as the print page. */
export async function renderApprovalFormPdf(view: ApprovalFormView, fontPath: string = env().PDF_FONT_PATH): Promise<Buffer> {
  if (!fs.existsSync(fontPath)) throw new PdfFontMissingError(fontPath);
  const doc = new PDFDocument({ size: "A4", margin: A4_MARGIN, info: { Title: `${view.title} ${view.head[0][0].value}`, Creator: view.siteName } });
  doc.registerFont("cjk", fontPath, faceOf(fontPath));
  doc.font("cjk");
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  /** One row of bordered cells; a new page first when it would not fit. */
  const row = (cells: { text: string; width: number; shaded?: boolean }[], size = 10.5) => {
    doc.fontSize(size);
    const height = Math.max(...cells.map((c) => doc.heightOfString(c.text || " ", { width: c.width - 2 * PAD }))) + 2 * PAD;
    if (doc.y + height > bottom()) doc.addPage();
    const top = doc.y;
    let x = left;
    for (const cell of cells) {
      if (cell.shaded) doc.rect(x, top, cell.width, height).fillColor("#f0f0f0").fill();
      doc.rect(x, top, cell.width, height).lineWidth(0.8).strokeColor("#000").stroke();
      doc.fillColor("#000").text(cell.text, x + PAD, top + PAD, { width: cell.width - 2 * PAD });
      x += cell.width;
    }
    doc.x = left;
    doc.y = top + height;
  };
  const fieldRow = (fields: FormField[]) => {
    const label = width * LABEL_WIDTH;
    const value = fields.length === 1 ? width - label : width / 2 - label;
    row(fields.flatMap((f) => [{ text: f.label, width: label, shaded: true }, { text: f.value, width: value }]));
  };

  doc.fontSize(12).text(view.siteName, { align: "center" });
  doc.moveDown(0.3).fontSize(22).text(view.title, { align: "center", characterSpacing: 6 });
  doc.moveDown(0.8);
  view.head.forEach(fieldRow);
  doc.moveDown(0.6).fontSize(11).text(L.levelsCaption, left);
  doc.moveDown(0.3);
  const levelWidths = [0.18, 0.17, 0.43, 0.22].map((share) => share * width);
  row([L.level, L.reviewer, L.opinion, L.time].map((text, i) => ({ text, width: levelWidths[i], shaded: true })));
  for (const l of view.levels) row([l.level, l.reviewer, l.opinion, l.time].map((text, i) => ({ text, width: levelWidths[i], shaded: i === 0 })));
  doc.moveDown(0.6);
  view.foot.forEach(fieldRow);
  doc.moveDown(0.8).fontSize(9).text(`${view.note}${view.hashNote}`, left, doc.y, { width });
  doc.moveDown(0.5).text(`${view.articleNo}　　${view.printedAt}`, { width });
  doc.end();
  return done;
}
