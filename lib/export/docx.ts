import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { displayTitle } from "@/lib/articles/format";
import { formatCalendarDate, formatDate, formatDateTime } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";
import { absoluteHref, type ExportArticle } from "./article-export";
import { jsonImageSources, ORDERED_LIST_REF, toBlocks } from "./docx-body";
import { fileTypeLabel, formatFileSize } from "./file-info";
import { loadImages } from "./images";

const FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体", cs: "Times New Roman" };
const HEADING_FONT = { ascii: "Arial", hAnsi: "Arial", eastAsia: "黑体", cs: "Arial" };
const MUTED = "5B6169";

/**
 * 保存 as a Word document: title, metadata (and the 政务公开 table), headings,
 * paragraphs with the first-line indent, images, tables, the attachments list and
 * the page's address. A4, 12 pt 宋体 body, 黑体 headings.
 */
export async function renderArticleDocx(article: ExportArticle): Promise<Buffer> {
  const { view } = article;
  const s = t.site;
  const images = await loadImages(jsonImageSources(article.bodyJson));
  let listInstance = 0;
  const body = toBlocks(article.bodyJson.content ?? [], { images, baseUrl: article.baseUrl, nextListInstance: () => ++listInstance });
  const title = displayTitle(view.title, view.titleTags);
  const meta = [
    `${s.publishDate}：${formatDateTime(view.publishedAt)}`,
    view.author && `${s.author}：${view.author}`,
    view.source && `${s.source}：${view.source}`,
  ].filter(Boolean) as string[];

  const doc = new Document({
    creator: article.siteName,
    title,
    description: view.subtitle || undefined,
    styles: {
      default: {
        document: { run: { font: FONT, size: 24 }, paragraph: { spacing: { line: 400, after: 120 } } },
        heading2: { run: { font: HEADING_FONT, size: 30, bold: true }, paragraph: { spacing: { before: 240, after: 160 } } },
        heading3: { run: { font: HEADING_FONT, size: 28, bold: true }, paragraph: { spacing: { before: 200, after: 120 } } },
        heading4: { run: { font: HEADING_FONT, size: 26, bold: true }, paragraph: { spacing: { before: 160, after: 120 } } },
        title: { run: { font: HEADING_FONT, size: 36, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 200 } } },
      },
      paragraphStyles: [{ id: "Caption", name: "Caption", basedOn: "Normal", run: { size: 21, color: MUTED }, paragraph: { spacing: { after: 200 } } }],
    },
    numbering: {
      config: [
        {
          reference: ORDERED_LIST_REF,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 480 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        // A4 with 2.5 cm / 2.2 cm margins (twips).
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1417, bottom: 1417, left: 1247, right: 1247 } } },
        children: [
          new Paragraph({ children: [new TextRun({ text: article.siteName, color: "A61D24", bold: true })], spacing: { after: 240 } }),
          ...(view.disclosure ? [disclosureTable(article), new Paragraph("")] : []),
          new Paragraph({ style: "Title", children: [new TextRun(title)] }),
          ...(view.subtitle ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: view.subtitle, color: "4A5058" })] })] : []),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [new TextRun({ text: meta.join("　　"), size: 21, color: MUTED })] }),
          ...body,
          ...attachmentBlocks(article),
          ...correctionBlocks(article),
          new Paragraph({
            spacing: { before: 360 },
            children: [
              new TextRun({ text: `${s.printUrl}：`, size: 20, color: MUTED }),
              new ExternalHyperlink({ link: article.url, children: [new TextRun({ text: article.url, size: 20, style: "Hyperlink" })] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function disclosureTable({ view }: ExportArticle): Table {
  const d = view.disclosure!;
  const s = t.site;
  const th = (text: string) => new TableCell({ shading: { fill: "F6F7F9" }, children: [new Paragraph({ children: [new TextRun({ text, bold: true, size: 21 })] })] });
  const td = (text: string | null, columnSpan = 1) => new TableCell({ columnSpan, children: [new Paragraph({ children: [new TextRun({ text: text || "—", size: 21 })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: [th(s.indexNo), td(d.indexNo), th(s.topic), td(d.topic)] }),
      new TableRow({ children: [th(s.issuingOrg), td(d.issuingOrg), th(s.writtenAt), td(d.writtenAt ? formatCalendarDate(d.writtenAt) : null)] }),
      new TableRow({ children: [th(s.titleLabel), td(displayTitle(view.title, view.titleTags), 3)] }),
      new TableRow({ children: [th(s.docNo), td(d.docNo), th(s.publishDate), td(formatDateTime(view.publishedAt))] }),
    ],
  });
}

function attachmentBlocks({ view, baseUrl }: ExportArticle): Paragraph[] {
  if (view.attachments.length === 0) return [];
  return [
    new Paragraph({ spacing: { before: 360 }, children: [new TextRun({ text: `${t.site.attachments}：`, bold: true })] }),
    ...view.attachments.map(
      (a, i) =>
        new Paragraph({
          indent: { left: 480 },
          children: [
            new TextRun(`${i + 1}. `),
            new ExternalHyperlink({ link: absoluteHref(a.href, baseUrl), children: [new TextRun({ text: a.name, style: "Hyperlink" })] }),
            new TextRun({ text: `（${fileTypeLabel(a.mimeType, a.name)}，${formatFileSize(a.size)}）`, color: MUTED }),
          ],
        }),
    ),
  ];
}

function correctionBlocks({ view }: ExportArticle): Paragraph[] {
  if (view.corrections.length === 0) return [];
  return [
    new Paragraph({ spacing: { before: 360 }, children: [new TextRun({ text: `${t.site.corrections}：`, bold: true })] }),
    ...view.corrections.map((c) => new Paragraph({ indent: { left: 480 }, children: [new TextRun(`${formatDate(c.createdAt)}　${c.note}`)] })),
  ];
}
