import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { AlignmentType, HeadingLevel, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { describe, expect, it, vi } from "vitest";
import { problems } from "@/lib/sanitize/allowlist-check";
import { renderRichText, richTextToPlainText, type RichTextNode } from "@/lib/sanitize/tiptap";
import { compoundFile, docxOf, NOTICE, noticeDocx, patchDocx, samplePng } from "@/test/docx-fixtures";
import { DocxError, type DocxProblem } from "./errors";
import { importWordDocument, takeTitle, type PictureOutcome, type PictureToStore } from "./import";
import { DOCX_LIMITS } from "./limits";
import { IMAGE_LIMITS } from "./read";
import { docxProblemMessage, wordImportSummary } from "./report";
import { nodesOfType } from "@/test/rich-text";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "fixtures", name)));

/** The media pipeline stand-in: every picture stored, as media 100, 101… */
function storing() {
  const stored: PictureToStore[] = [];
  const store = vi.fn(async (p: PictureToStore): Promise<PictureOutcome> => {
    stored.push(p);
    return { ok: true, picture: { id: 100 + p.index, src: `/media/images/2025/p${p.index}/w960.jpg`, srcset: `/media/images/2025/p${p.index}/w480.webp 480w` } };
  });
  return { stored, store };
}

const text = (n: RichTextNode) => richTextToPlainText({ type: "doc", content: [n] });
const top = (doc: RichTextNode) => (doc.content ?? []).map((n) => ({ type: n.type, level: n.attrs?.level, text: text(n) }));
const byText = (doc: RichTextNode, start: string) => (doc.content ?? []).find((n) => text(n).startsWith(start))!;

async function problemOf(data: Uint8Array): Promise<DocxProblem | string> {
  try {
    await importWordDocument(data, async () => ({ ok: false, vector: false, reason: "" }));
    return "imported";
  } catch (error) {
    return error instanceof DocxError ? error.problem : String(error);
  }
}

describe("a 公文 written by Word (the docx package)", async () => {
  const { stored, store } = storing();
  const result = await importWordDocument(new Uint8Array(await noticeDocx()), store);
  const { body, report } = result;

  it("takes the Title-styled first line as the title, passing over nothing else", () => {
    expect(result.title).toBe(NOTICE.title);
    expect(result.titleBlock).toMatchObject({ type: "heading" });
    expect(text(body.content![0])).toBe(NOTICE.docNo);
  });

  it("makes 公文 numbered lines and heading styles a heading hierarchy, and adds the 注释 heading", () => {
    expect(top(body).filter((b) => b.type === "heading")).toEqual([
      { type: "heading", level: 2, text: "一、总体要求" },
      { type: "heading", level: 2, text: "二、重点任务" },
      { type: "heading", level: 3, text: "（一）科学选择树种" },
      { type: "heading", level: 2, text: "注释" },
    ]);
  });

  it("keeps bold and italic, and the layout: first-line indents, centred and right-aligned lines", () => {
    const para = byText(body, "坚持");
    const marks = (para.content ?? []).filter((n) => n.marks?.length).map((n) => [n.text, n.marks!.map((m) => m.type)]);
    expect(marks).toContainEqual(["人民至上、生命至上", ["bold"]]);
    expect(marks).toContainEqual(["全面推进国土绿化", ["italic"]]);
    expect(para.attrs).toMatchObject({ indent: true });
    expect(byText(body, NOTICE.intro).attrs).toMatchObject({ indent: false });
    expect(byText(body, NOTICE.docNo).attrs).toMatchObject({ textAlign: "center", indent: false });
    expect(byText(body, NOTICE.signature).attrs).toMatchObject({ textAlign: "right", indent: false });
  });

  it("accepts tracked changes and drops review comments, and says so", () => {
    expect(text(byText(body, "各地区要"))).toBe(`各地区要${NOTICE.inserted}压实责任，落实到人。`);
    const all = richTextToPlainText(body);
    expect(all).not.toContain(NOTICE.deleted);
    expect(all).not.toContain(NOTICE.comment);
    expect(report.removed).toMatchObject({ trackedChanges: 2, comments: 1 });
  });

  it("keeps the bulleted list", () => {
    const lists = nodesOfType(body, "bulletList");
    expect(lists).toHaveLength(1);
    expect(nodesOfType(lists[0], "listItem").map(text)).toEqual([...NOTICE.list]);
  });

  it("stores the picture through the pipeline with its alt text, and places the stored one with its caption", () => {
    expect(store).toHaveBeenCalledTimes(1);
    expect(stored[0]).toMatchObject({ index: 0, contentType: "image/png", alt: NOTICE.alt });
    expect(Buffer.from(stored[0].bytes.subarray(0, 8)).toString("hex")).toBe("89504e470d0a1a0a");
    const [image] = nodesOfType(body, "image");
    expect(image.attrs).toMatchObject({ src: "/media/images/2025/p0/w960.jpg", srcset: "/media/images/2025/p0/w480.webp 480w", mediaId: 100, alt: NOTICE.alt, caption: NOTICE.caption });
    expect(report.images).toMatchObject({ kept: 1, missingAlt: 0, vector: 0, refused: 0 });
  });

  it("keeps the table with its merged cells", () => {
    const [table] = nodesOfType(body, "table");
    const rows = table.content!.map((row) => row.content!.map((c) => ({ text: text(c), colspan: c.attrs?.colspan, rowspan: c.attrs?.rowspan })));
    expect(rows[0]).toEqual([
      { text: NOTICE.table.corner, colspan: 1, rowspan: 2 },
      { text: NOTICE.table.merged, colspan: 2, rowspan: 1 },
    ]);
    expect(rows[1].map((c) => c.text)).toEqual([...NOTICE.table.columns]);
    expect(rows[2].map((c) => c.text)).toEqual([...NOTICE.table.row]);
    expect(report.tables).toBe(1);
  });

  it("turns the footnote into a superscript mark and a numbered note under 注释 at the end", () => {
    const para = byText(body, "坚持");
    expect(para.content!.at(-1)).toEqual({ type: "text", text: "[1]", marks: [{ type: "superscript" }] });
    const last = body.content!.at(-1)!;
    expect(last.type).toBe("orderedList");
    expect(nodesOfType(last, "listItem").map(text)).toEqual([NOTICE.footnote]);
    expect(report.notes).toBe(1);
  });

  it("is what the editor and the sanitizer hold: rendered, it passes the allowlist", () => {
    const html = renderRichText(body);
    expect(problems(html)).toEqual([]);
    expect(html).toContain("<sup>[1]</sup>");
    expect(html).toContain('<td colspan="2">');
    expect(html).not.toMatch(/__docx-image|\uE000|gz:|footnote/);
  });

  it("sums it up for the editor", () => {
    expect(wordImportSummary(report)).toBe("已导入 Word 文档：3 个标题、5 段、1 个表格、1 张图片、1 条注释；去掉了2 处修订标记（已接受修订）、1 条批注。");
  });
});

describe("a 通知 saved by LibreOffice (a real word processor)", async () => {
  const { stored, store } = storing();
  const { title, body, report } = await importWordDocument(fixture("libreoffice-notice.docx"), store);

  it("reads the title, the headings, the indent, the footnote, tracked changes and the comment", () => {
    expect(title).toBe("关于开展春季植树活动的通知");
    expect(top(body).filter((b) => b.type === "heading").map((b) => [b.level, b.text])).toEqual([
      [2, "一、总体要求"],
      [2, "二、重点任务"],
      [3, "（一）科学选择树种"],
      [2, "注释"],
    ]);
    expect(byText(body, "各旗区").attrs).toMatchObject({ indent: true });
    expect(text(byText(body, "各地区要"))).toBe("各地区要切实压实责任，落实到人，确保苗木成活。");
    expect(nodesOfType(body.content!.at(-1)!, "listItem").map(text)).toEqual(["依据《乌海市国土绿化规划》。"]);
    expect(report.removed).toMatchObject({ trackedChanges: 2, comments: 1 });
  });

  it("keeps the picture's alt text, which only the DrawingML choice carries (mammoth reads the VML fallback)", () => {
    expect(stored).toHaveLength(1);
    expect(stored[0].alt).toBe("志愿者在甘德尔山植树");
    expect(nodesOfType(body, "image")[0].attrs).toMatchObject({ alt: "志愿者在甘德尔山植树", caption: "图1 植树现场", mediaId: 100 });
  });

  it("keeps the merged cells", () => {
    const cells = nodesOfType(nodesOfType(body, "table")[0], "tableCell").map((c) => [text(c), c.attrs?.colspan, c.attrs?.rowspan]);
    expect(cells.slice(0, 2)).toEqual([
      ["地区", 1, 2],
      ["植树数量（万株）", 2, 1],
    ]);
  });
});

describe("pictures", () => {
  it("leaves out a picture the media pipeline refuses, saying why, and one in a vector format", async () => {
    const png = await samplePng(64, 48);
    const image = (description: string) => new Paragraph({ children: [new ImageRun({ type: "png", data: png, transformation: { width: 64, height: 48 }, altText: { name: "x", title: "", description } })] });
    let docx = await docxOf([new Paragraph("第一段。"), image("图一"), new Paragraph("第二段。")]);
    const refused = await importWordDocument(new Uint8Array(docx), async () => ({ ok: false, vector: false, reason: "图片文件已损坏或尺寸过大，无法处理。" }));
    expect(nodesOfType(refused.body, "image")).toHaveLength(0);
    expect(refused.report.images).toMatchObject({ kept: 0, refused: 1, refusedReason: "图片文件已损坏或尺寸过大，无法处理。" });
    expect(wordImportSummary(refused.report)).toContain("1 张图片无法读取，已去掉：图片文件已损坏或尺寸过大，无法处理");

    // The same picture as an EMF (Word's format for charts and drawings): no browser shows it.
    const zip = await JSZip.loadAsync(docx);
    const media = Object.keys(zip.files).find((n) => n.startsWith("word/media/") && n.endsWith(".png"))!;
    zip.file(media.replace(/\.png$/, ".emf"), await zip.file(media)!.async("uint8array"));
    zip.remove(media);
    const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
    zip.file("word/_rels/document.xml.rels", rels.replace(path.basename(media), path.basename(media).replace(/\.png$/, ".emf")));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", types.replace("<Default ", '<Default Extension="emf" ContentType="image/x-emf"/><Default '));
    docx = await zip.generateAsync({ type: "nodebuffer" });
    const store = vi.fn();
    const vector = await importWordDocument(new Uint8Array(docx), store);
    expect(store).not.toHaveBeenCalled();
    expect(vector.report.images).toMatchObject({ kept: 0, vector: 1 });
    expect(richTextToPlainText(vector.body)).toBe("第一段。\n第二段。");
  });

  it("reports a picture whose data is missing from the file, and refuses a document with too many pictures", async () => {
    const png = await samplePng(64, 48);
    const image = (data: Buffer) => new Paragraph({ children: [new ImageRun({ type: "png", data, transformation: { width: 64, height: 48 }, altText: { name: "x", title: "", description: "说明" } })] });
    const zip = await JSZip.loadAsync(await docxOf([new Paragraph("正文。"), image(png)]));
    zip.remove(Object.keys(zip.files).find((n) => n.startsWith("word/media/") && n.endsWith(".png"))!);
    const missing = await importWordDocument(new Uint8Array(await zip.generateAsync({ type: "nodebuffer" })), vi.fn());
    expect(missing.report.images).toMatchObject({ kept: 0, refused: 1, refusedReason: "文件中的图片数据缺失或已损坏" });
    expect(richTextToPlainText(missing.body)).toBe("正文。");

    const saved = IMAGE_LIMITS.count;
    IMAGE_LIMITS.count = 1;
    try {
      const two = await docxOf([image(png), image(await samplePng(64, 49))]);
      expect(await problemOf(new Uint8Array(two))).toBe("too-complex");
    } finally {
      IMAGE_LIMITS.count = saved;
    }
  });

  it("stores a picture used twice once, and asks for alt text Word did not have", async () => {
    const png = await samplePng(64, 48);
    const image = () => new Paragraph({ children: [new ImageRun({ type: "png", data: png, transformation: { width: 64, height: 48 }, altText: { name: "图片 1", title: "", description: "图片 1" } })] });
    const { stored, store } = storing();
    const { body, report } = await importWordDocument(new Uint8Array(await docxOf([new Paragraph("一。"), image(), new Paragraph("二。"), image()])), store);
    expect(stored).toHaveLength(1);
    // "图片 1" is what Word names every picture: no description at all.
    expect(nodesOfType(body, "image").map((i) => [i.attrs?.mediaId, i.attrs?.alt])).toEqual([
      [100, ""],
      [100, ""],
    ]);
    expect(report.images).toMatchObject({ kept: 2, missingAlt: 2 });
  });
});

describe("what Word has and an article does not", () => {
  it("leaves out the table of contents, and counts equations and charts", async () => {
    const docx = await docxOf([
      new Paragraph({ style: "TOC1", children: [new TextRun("一、总体要求\t1")] }),
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("一、总体要求")] }),
      new Paragraph("正文。"),
    ], { styles: { paragraphStyles: [{ id: "TOC1", name: "toc 1", basedOn: "Normal" }] } });
    const withMath = await patchDocx(docx, "word/document.xml", (xml) =>
      xml.replace("<w:t xml:space=\"preserve\">正文。</w:t>", '<w:t xml:space="preserve">正文。</w:t></w:r><m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>x²</m:t></m:r></m:oMath><w:r>'),
    );
    const { body, report } = await importWordDocument(new Uint8Array(withMath), vi.fn());
    expect(top(body)).toEqual([
      { type: "heading", level: 2, text: "一、总体要求" },
      { type: "paragraph", level: undefined, text: "正文。" },
    ]);
    expect(report.removed.toc).toBe(1);
    expect(report.unsupported.equations).toBe(1);
    expect(wordImportSummary(report)).toContain("目录");
    expect(wordImportSummary(report)).toContain("1 个公式无法导入");
  });

  it("takes alignment and the first-line indent from the paragraph's style when the paragraph sets none", async () => {
    const docx = await docxOf([new Paragraph({ style: "Body", children: [new TextRun("按样式缩进的正文。")] }), new Paragraph({ style: "Centred", children: [new TextRun("按样式居中")] }), new Paragraph("不缩进。")], {
      styles: {
        paragraphStyles: [
          { id: "Body", name: "正文缩进", basedOn: "Normal", paragraph: { indent: { firstLine: 640 } } },
          { id: "Centred", name: "居中", basedOn: "Body", paragraph: { alignment: AlignmentType.CENTER } },
        ],
      },
    });
    const { body } = await importWordDocument(new Uint8Array(docx), vi.fn());
    expect(body.content!.map((n) => n.attrs)).toEqual([
      { indent: true, textAlign: null },
      { indent: false, textAlign: "center" },
      { indent: false, textAlign: null },
    ]);
  });

  it("refuses a table wider than an article allows before storing anything", async () => {
    const wide = new Table({ rows: [new TableRow({ children: Array.from({ length: 51 }, (_, i) => new TableCell({ children: [new Paragraph(String(i))] })) })] });
    const store = vi.fn();
    await expect(importWordDocument(new Uint8Array(await docxOf([new Paragraph("表格："), wide])), store)).rejects.toThrow(/最多 50 列/);
    expect(store).not.toHaveBeenCalled();
  });
});

describe("takeTitle", () => {
  const p = (t: string, align?: string): RichTextNode => ({ type: "paragraph", attrs: { textAlign: align ?? null }, content: [{ type: "text", text: t }] });
  const h = (t: string): RichTextNode => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: t }] });

  it("passes over the 版头 (发文机关标志, 发文字号) to the centred title", () => {
    const doc = { type: "doc", content: [p("乌海市人民政府办公室文件", "center"), p("乌政办发〔2025〕3号", "center"), p("关于印发工作要点的通知", "center"), p("正文。")] };
    const { title, body } = takeTitle(doc);
    expect(title).toBe("关于印发工作要点的通知");
    expect(body.content).toHaveLength(3);
  });

  it("takes no title from a numbered heading, a body paragraph or a document of one block", () => {
    expect(takeTitle({ type: "doc", content: [h("一、总体要求"), p("正文。")] }).title).toBeNull();
    expect(takeTitle({ type: "doc", content: [p("正文第一段。"), p("正文。")] }).title).toBeNull();
    expect(takeTitle({ type: "doc", content: [h("只有标题")] }).title).toBeNull();
  });
});

describe("files that are not a .docx to import", () => {
  it("says a .doc or .wps is the old format, by its bytes (a real .doc saved by LibreOffice, and an OLE2 file named .wps)", async () => {
    expect(await problemOf(fixture("libreoffice-notice.doc"))).toBe("legacy");
    expect(await problemOf(compoundFile(["WordDocument", "1Table"]))).toBe("legacy");
    expect(await problemOf(new TextEncoder().encode("{\\rtf1\\ansi 旧文档}"))).toBe("legacy");
    expect(docxProblemMessage("legacy")).toBe("这是旧版 .doc/.wps 格式，请在 Word/WPS 中另存为 .docx 后再导入。");
  });

  it("tells a password-protected .docx (an OLE2 file with EncryptionInfo) from a .doc", async () => {
    expect(await problemOf(compoundFile(["EncryptionInfo", "EncryptedPackage"]))).toBe("encrypted");
    expect(docxProblemMessage("encrypted")).toBe("文件已加密（设有密码），请取消密码后再导入。");
  });

  it("says a truncated or corrupted file is damaged", async () => {
    const docx = await noticeDocx();
    expect(await problemOf(new Uint8Array(docx.subarray(0, Math.floor(docx.length / 2))))).toBe("damaged");
    const corrupted = new Uint8Array(docx);
    const at = corrupted.indexOf(0x50, 200);
    for (let i = at; i < at + 64; i++) corrupted[i] ^= 0x5a;
    expect(await problemOf(corrupted)).toBe("damaged");
    expect(docxProblemMessage("damaged")).toBe("文件已损坏，无法读取。");
  });

  it("says a ZIP that is not a Word document, or another file, is not a .docx", async () => {
    const xlsx = new JSZip();
    xlsx.file("[Content_Types].xml", "<Types/>");
    xlsx.file("xl/workbook.xml", "<workbook/>");
    expect(await problemOf(await xlsx.generateAsync({ type: "uint8array" }))).toBe("not-docx");
    expect(await problemOf(new TextEncoder().encode("%PDF-1.7\n"))).toBe("not-docx");
  });

  it("refuses an empty file, one over the size limit, and a zip bomb — before reading it", async () => {
    expect(await problemOf(new Uint8Array(0))).toBe("empty");
    const big = new Uint8Array(DOCX_LIMITS.fileBytes + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await problemOf(big)).toBe("too-large");
    expect(docxProblemMessage("too-large")).toBe("文件超过 30 MB，无法导入。请压缩图片或拆分文档后再试。");

    // 17 MB of XML that deflates to a few KB.
    const bomb = await patchDocx(await docxOf([new Paragraph("x")]), "word/document.xml", (xml) => xml.replace("<w:body>", `<w:body><!--${" ".repeat(17 * 1024 * 1024)}-->`));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await problemOf(bomb)).toBe("too-complex");

    // An entry that inflates to more than its declared size.
    const lying = new Uint8Array(await docxOf([new Paragraph("这是一段足够长的文字，压缩后会比原文小。".repeat(20))]));
    const view = new DataView(lying.buffer);
    for (let i = lying.length - 22; i > 0; i--) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const name = new TextDecoder().decode(lying.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
      if (name === "word/document.xml") view.setUint32(i + 24, 100, true);
    }
    expect(await problemOf(lying)).toBe("damaged");
  });

  it("says so when a document holds nothing to import", async () => {
    expect(await problemOf(new Uint8Array(await docxOf([new Paragraph("")])))).toBe("empty");
  });
});
