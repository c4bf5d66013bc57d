import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES, MAX_IMAGE_BYTES, sniffAttachment, sniffImage, zipEntryNames } from "./sniff";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

async function zip(files: Record<string, string>): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: "uint8array" });
}

describe("sniffImage", () => {
  it.each([
    ["jpeg", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
    ["png", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)],
    ["gif", text("GIF89a....")],
    ["webp", text("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ")],
    ["avif", text("\u0000\u0000\u0000\u001cftypavif")],
  ])("recognises %s by its bytes", (format, data) => {
    expect(sniffImage(data)).toEqual({ ok: true, value: format });
  });

  it("refuses SVG (it can carry scripts), with or without an XML prolog or BOM", () => {
    for (const svg of ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', '\ufeff<?xml version="1.0"?>\n<svg/>', "  <SVG></SVG>"]) {
      const result = sniffImage(text(svg));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/SVG/);
    }
  });

  it("refuses what only claims to be an image, HEIC with a hint, empty and oversized files", () => {
    expect(sniffImage(text("<html><script>alert(1)</script>")).ok).toBe(false);
    expect(sniffImage(text("MZ\u0090\u0000 executable")).ok).toBe(false);
    const heic = sniffImage(text("\u0000\u0000\u0000\u0018ftypheic"));
    expect(!heic.ok && heic.error).toMatch(/HEIC/);
    expect(sniffImage(new Uint8Array(0))).toEqual({ ok: false, error: "文件是空的。" });
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(sniffImage(big)).toEqual({ ok: false, error: "图片不能超过 20 MB。" });
  });
});

describe("sniffAttachment", () => {
  it("accepts PDF, OLE compound files (DOC/XLS/WPS) and proven ZIP containers (DOCX/XLSX/OFD/ZIP)", async () => {
    expect(sniffAttachment(text("%PDF-1.7\n..."), "通知.pdf")).toEqual({ ok: true, value: "pdf" });
    for (const name of ["旧文件.doc", "表格.xls", "文稿.wps", "表.ET"]) {
      expect(sniffAttachment(bytes(...CFB, 0, 0), name)).toMatchObject({ ok: true });
    }
    expect(sniffAttachment(await zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }), "方案.docx")).toEqual({ ok: true, value: "docx" });
    expect(sniffAttachment(await zip({ "xl/workbook.xml": "<workbook/>" }), "统计.xlsx")).toEqual({ ok: true, value: "xlsx" });
    expect(sniffAttachment(await zip({ "OFD.xml": "<ofd:OFD/>", "Doc_0/Document.xml": "" }), "公文.ofd")).toEqual({ ok: true, value: "ofd" });
    expect(sniffAttachment(await zip({ "a.txt": "x" }), "材料.zip")).toEqual({ ok: true, value: "zip" });
  });

  it("refuses a file whose bytes do not prove the type its name claims", async () => {
    const renamedExe = sniffAttachment(text("MZ\u0090\u0000This program cannot be run in DOS mode"), "通知.pdf");
    expect(renamedExe).toEqual({ ok: false, error: "文件内容与扩展名“.pdf”不符，文件可能已损坏或被改名。" });
    expect(sniffAttachment(text("%PDF-1.4"), "伪装.doc").ok).toBe(false);
    expect(sniffAttachment(await zip({ "a.txt": "x" }), "假的.docx").ok).toBe(false);
    expect(sniffAttachment(await zip({ "word/document.xml": "" }), "假的.ofd").ok).toBe(false);
    expect(sniffAttachment(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3), "截断.zip").ok).toBe(false);
  });

  it("refuses other types, names without an extension, empty and oversized files", () => {
    for (const name of ["脚本.html", "图.svg", "程序.exe", "演示.pptx", "无扩展名"]) {
      expect(sniffAttachment(text("%PDF-1.7"), name)).toEqual({ ok: false, error: "不支持该附件类型，可上传 PDF、Word、Excel、WPS、OFD 或 ZIP 文件。" });
    }
    expect(sniffAttachment(new Uint8Array(0), "a.pdf").ok).toBe(false);
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    expect(sniffAttachment(big, "a.pdf")).toEqual({ ok: false, error: "附件不能超过 50 MB。" });
  });
});

describe("zipEntryNames", () => {
  it("lists a ZIP's entries (UTF-8 names included) from its central directory", async () => {
    expect(await zip({ "OFD.xml": "", "文件/说明.txt": "内容" }).then(zipEntryNames)).toEqual(["OFD.xml", "文件/", "文件/说明.txt"]);
  });

  it("returns null for a damaged directory instead of reading past the end", () => {
    const data = new Uint8Array(40);
    data.set([0x50, 0x4b, 0x05, 0x06], 10);
    data.set([5, 0], 20); // claims 5 entries
    data.set([0, 0, 0, 0], 26);
    expect(zipEntryNames(data)).toBeNull();
  });
});
