import JSZip from "jszip";
import sharp from "sharp";
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

/**
 * Word documents for the import tests (unit, integration, e2e), written with the
 * `docx` package as Word writes them: a 公文 with a Title-styled title, 发文字号,
 * a numbered heading typed as text ("一、总体要求") and one in a heading style, body
 * paragraphs with the first-line indent, bold and italic, a footnote, a tracked
 * insertion and deletion, a review comment, a bulleted list, a picture with alt text
 * and its caption, a table with merged cells, and a right-aligned signature.
 */
export const NOTICE = {
  title: "关于做好2025年春季植树造林工作的通知",
  docNo: "乌政办发〔2025〕3号",
  headings: ["一、总体要求", "二、重点任务", "（一）科学选择树种"],
  intro: "各旗区人民政府，市直各部门：",
  body: "坚持人民至上、生命至上，全面推进国土绿化，提升城市生态环境质量。",
  inserted: "切实",
  deleted: "层层",
  commented: "各地区要压实责任，落实到人。",
  comment: "请核实责任单位",
  footnote: "依据《乌海市国土绿化规划（2021—2035年）》。",
  list: ["乡土树种优先", "耐旱树种为主"],
  alt: "志愿者在甘德尔山植树",
  caption: "图1 植树现场",
  table: { corner: "地区", merged: "植树数量（万株）", columns: ["计划", "完成"], row: ["海勃湾区", "12", "10"] },
  signature: "乌海市人民政府办公室",
} as const;

const REVISION = { author: "张三", date: "2025-03-01T09:00:00Z" };

/** A small PNG (two colours, so its renditions are real pictures). */
export async function samplePng(width = 320, height = 200): Promise<Buffer> {
  const inner = Buffer.from(`<svg width="${width}" height="${height}"><rect x="20" y="20" width="${width / 2}" height="${height / 2}" fill="#f2c14e"/></svg>`);
  return sharp({ create: { width, height, channels: 3, background: "#2f6f8a" } })
    .composite([{ input: inner, top: 0, left: 0 }])
    .png()
    .toBuffer();
}

export async function noticeDocx(options: { picture?: Buffer; pictureType?: "png" | "jpg" } = {}): Promise<Buffer> {
  const n = NOTICE;
  const picture = options.picture ?? (await samplePng());
  const cell = (text: string, extra: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ children: [new Paragraph(text)], width: { size: 2000, type: WidthType.DXA }, ...extra });
  const doc = new Document({
    comments: { children: [{ id: 0, author: "李四", date: new Date("2025-03-01T10:00:00Z"), children: [new Paragraph(n.comment)] }] },
    footnotes: { 1: { children: [new Paragraph(n.footnote)] } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(n.title)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(n.docNo)] }),
          new Paragraph({ children: [new TextRun(n.intro)] }),
          new Paragraph({
            indent: { firstLine: 640 },
            children: [new TextRun("坚持"), new TextRun({ text: "人民至上、生命至上", bold: true }), new TextRun("，"), new TextRun({ text: "全面推进国土绿化", italics: true }), new TextRun("，提升城市生态环境质量。"), new FootnoteReferenceRun(1)],
          }),
          new Paragraph({ children: [new TextRun({ text: n.headings[0], bold: true })] }),
          new Paragraph({
            indent: { firstLine: 640 },
            children: [
              new TextRun("各地区要"),
              new InsertedTextRun({ text: n.inserted, id: 1, ...REVISION }),
              new DeletedTextRun({ text: n.deleted, id: 2, ...REVISION }),
              new TextRun("压实责任，"),
              new CommentRangeStart(0),
              new TextRun("落实到人。"),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(n.headings[1])] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(n.headings[2])] }),
          ...n.list.map((text) => new Paragraph({ text, bullet: { level: 0 } })),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new ImageRun({
                type: options.pictureType ?? "png",
                data: picture,
                transformation: { width: 320, height: 200 },
                altText: { name: "图片 1", title: "植树", description: n.alt },
              }),
            ],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(n.caption)] }),
          new Table({
            rows: [
              new TableRow({ children: [cell(n.table.corner, { rowSpan: 2 }), cell(n.table.merged, { columnSpan: 2 })] }),
              new TableRow({ children: n.table.columns.map((c) => cell(c)) }),
              new TableRow({ children: n.table.row.map((c) => cell(c)) }),
            ],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(n.signature)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A document built from paragraphs (for one feature at a time). */
export async function docxOf(children: (Paragraph | Table)[], extra: Partial<ConstructorParameters<typeof Document>[0]> = {}): Promise<Buffer> {
  return Packer.toBuffer(new Document({ ...extra, sections: [{ children }] }));
}

/** Rewrites one part of a .docx (raw XML, for what the `docx` package cannot write). */
export async function patchDocx(docx: Buffer | Uint8Array, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file(part)!.async("string");
  zip.file(part, edit(xml));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * An OLE2 compound file (MS-CFB) with the given stream names in its directory, as a
 * password-protected .docx (EncryptionInfo, EncryptedPackage) or a .doc (WordDocument)
 * is: a header, one FAT sector, one directory sector. The streams are empty.
 */
export function compoundFile(streams: string[]): Buffer {
  const sector = 512;
  const out = Buffer.alloc(sector * 3, 0);
  // Header.
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x003e, 24); // minor version
  out.writeUInt16LE(0x0003, 26); // major version 3
  out.writeUInt16LE(0xfffe, 28); // little-endian
  out.writeUInt16LE(9, 30); // 512-byte sectors
  out.writeUInt16LE(6, 32); // 64-byte mini sectors
  out.writeUInt32LE(1, 44); // FAT sectors
  out.writeUInt32LE(1, 48); // first directory sector
  out.writeUInt32LE(0x1000, 56); // mini stream cutoff
  out.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  out.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) out.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 76 + i * 4);
  // FAT (sector 0): itself, then the directory (one sector, end of chain).
  const fat = sector;
  for (let i = 0; i < 128; i++) out.writeUInt32LE(0xffffffff, fat + i * 4);
  out.writeUInt32LE(0xfffffffd, fat);
  out.writeUInt32LE(0xfffffffe, fat + 4);
  // Directory (sector 1): the root entry, then one entry per stream, chained as right siblings.
  const dir = sector * 2;
  const entry = (index: number, name: string, type: number, child: number, right: number) => {
    const at = dir + index * 128;
    out.write(name, at, "utf16le");
    out.writeUInt16LE((name.length + 1) * 2, at + 64);
    out.writeUInt8(type, at + 66);
    out.writeUInt8(1, at + 67); // black
    out.writeUInt32LE(0xffffffff, at + 68); // left
    out.writeUInt32LE(right, at + 72);
    out.writeUInt32LE(child, at + 76);
    out.writeUInt32LE(0xfffffffe, at + 116); // start sector: none
  };
  entry(0, "Root Entry", 5, streams.length ? 1 : 0xffffffff, 0xffffffff);
  streams.slice(0, 3).forEach((name, i) => entry(i + 1, name, 2, 0xffffffff, i + 2 <= Math.min(3, streams.length) ? i + 2 : 0xffffffff));
  return out;
}

/**
 * A 公文 whose heading numbers are Word's automatic numbering (一、 （一） 1. （1） as
 * list levels, not typed): two 一、 sections, so （一） and 1. restart under 二、; with a
 * bulleted list and a plain "1." list in the body, which stay lists.
 */
export const NUMBERED = {
  title: "关于加强社区治理工作的通知",
  items: [
    [0, "总体要求"],
    [1, "指导思想"],
    [1, "基本原则"],
    [2, "坚持统筹兼顾"],
    [3, "因地制宜"],
    [3, "分类施策"],
    [2, "强化工作保障"],
    [0, "重点任务"],
    [1, "加强组织领导"],
    [2, "明确责任分工"],
  ] as [number, string][],
  body: "各地区要结合实际，认真抓好贯彻落实。",
  bullets: ["网格员走访", "居民议事会"],
  steps: ["提交申请材料", "窗口受理审核"],
};

export async function numberedGongwenDocx(): Promise<Buffer> {
  const n = NUMBERED;
  const item = ([level, text]: [number, string]) => new Paragraph({ numbering: { reference: "gongwen", level }, children: [new TextRun(text)] });
  const body = () => new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun(n.body)] });
  return docxOf(
    [
      new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(n.title)] }),
      item(n.items[0]),
      body(),
      ...n.items.slice(1, 7).map(item),
      ...n.bullets.map((text) => new Paragraph({ text, bullet: { level: 0 } })),
      item(n.items[7]),
      ...n.items.slice(8).map(item),
      body(),
      ...n.steps.map((text) => new Paragraph({ text, numbering: { reference: "steps", level: 0 } })),
    ],
    {
      numbering: {
        config: [
          {
            reference: "gongwen",
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、" },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: "（%2）" },
              { level: 2, format: LevelFormat.DECIMAL, text: "%3." },
              { level: 3, format: LevelFormat.DECIMAL, text: "（%4）" },
            ],
          },
          { reference: "steps", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1." }] },
        ],
      },
    },
  );
}
