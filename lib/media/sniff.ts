/**
 * What an uploaded file is, decided by its bytes (magic numbers and container
 * structure) — never by its name or the type the browser declared. Pure functions.
 */
import { readZipDirectory } from "./zip-directory";

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export type ImageFormat = "jpeg" | "png" | "gif" | "webp" | "tiff" | "avif";

export const ATTACHMENT_TYPES = {
  pdf: { mime: "application/pdf", container: "pdf" },
  doc: { mime: "application/msword", container: "cfb" },
  xls: { mime: "application/vnd.ms-excel", container: "cfb" },
  wps: { mime: "application/vnd.ms-works", container: "cfb" },
  et: { mime: "application/vnd.ms-excel", container: "cfb" },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", container: "zip" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", container: "zip" },
  ofd: { mime: "application/ofd", container: "zip" },
  zip: { mime: "application/zip", container: "zip" },
} as const;
export type AttachmentExt = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_EXTS = Object.keys(ATTACHMENT_TYPES) as AttachmentExt[];

export type Sniffed<T> = { ok: true; value: T } | { ok: false; error: string };

const startsWith = (data: Uint8Array, bytes: number[], offset = 0) => bytes.every((b, i) => data[offset + i] === b);
const ascii = (data: Uint8Array, from: number, to: number) => String.fromCharCode(...data.subarray(from, to));

export function sniffImage(data: Uint8Array): Sniffed<ImageFormat> {
  if (data.length === 0) return { ok: false, error: "文件是空的。" };
  if (data.length > MAX_IMAGE_BYTES) return { ok: false, error: `图片不能超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB。` };
  if (startsWith(data, [0xff, 0xd8, 0xff])) return { ok: true, value: "jpeg" };
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, value: "png" };
  if (ascii(data, 0, 6) === "GIF87a" || ascii(data, 0, 6) === "GIF89a") return { ok: true, value: "gif" };
  if (ascii(data, 0, 4) === "RIFF" && ascii(data, 8, 12) === "WEBP") return { ok: true, value: "webp" };
  if (startsWith(data, [0x49, 0x49, 0x2a, 0x00]) || startsWith(data, [0x4d, 0x4d, 0x00, 0x2a])) return { ok: true, value: "tiff" };
  if (ascii(data, 4, 8) === "ftyp") {
    const brand = ascii(data, 8, 12);
    if (brand === "avif" || brand === "avis") return { ok: true, value: "avif" };
    if (/^(heic|heix|hevc|mif1|msf1)$/.test(brand)) return { ok: false, error: "暂不支持 HEIC 格式的照片，请先转换为 JPG（手机相机可设为“兼容性最佳”）。" };
  }
  const head = new TextDecoder().decode(data.subarray(0, 1024)).replace(/^\ufeff/, "").trimStart().toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg")) || head.startsWith("<!doctype svg")) {
    return { ok: false, error: "出于安全考虑，不接受 SVG 图片，请转换为 PNG 或 JPG 后上传。" };
  }
  return { ok: false, error: "无法识别该图片，请上传 JPG、PNG、GIF 或 WebP 格式的图片。" };
}

/** The extension of a file name, lower-case, or "" (never used as a path, only to compare). */
export function extensionOf(name: string): string {
  return /\.([a-z0-9]{1,8})$/i.exec(name.trim())?.[1].toLowerCase() ?? "";
}

/**
 * An attachment's type: the name says which type is claimed, the bytes must prove it.
 * PDF starts with %PDF-; DOC/XLS/WPS/ET are OLE compound files; DOCX/XLSX/OFD are ZIP
 * containers that must hold their main part (word/document.xml, xl/workbook.xml, OFD.xml).
 */
export function sniffAttachment(data: Uint8Array, name: string): Sniffed<AttachmentExt> {
  if (data.length === 0) return { ok: false, error: "文件是空的。" };
  if (data.length > MAX_ATTACHMENT_BYTES) return { ok: false, error: `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB。` };
  const ext = extensionOf(name);
  if (!(ext in ATTACHMENT_TYPES)) return { ok: false, error: "不支持该附件类型，可上传 PDF、Word、Excel、WPS、OFD 或 ZIP 文件。" };
  const type = ext as AttachmentExt;
  const mismatch = { ok: false as const, error: `文件内容与扩展名“.${ext}”不符，文件可能已损坏或被改名。` };
  switch (ATTACHMENT_TYPES[type].container) {
    case "pdf":
      return ascii(data, 0, 1024).includes("%PDF-") ? { ok: true, value: type } : mismatch;
    case "cfb":
      return startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) ? { ok: true, value: type } : mismatch;
    case "zip": {
      if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(data, [0x50, 0x4b, 0x05, 0x06])) return mismatch;
      const entries = zipEntryNames(data);
      if (!entries) return mismatch;
      const required: Partial<Record<AttachmentExt, (n: string) => boolean>> = {
        docx: (n) => n === "word/document.xml",
        xlsx: (n) => n === "xl/workbook.xml",
        ofd: (n) => n === "OFD.xml",
      };
      const need = required[type];
      return !need || entries.some(need) ? { ok: true, value: type } : mismatch;
    }
  }
}

/**
 * The names in a ZIP's central directory, or null when there is no valid one. Reads
 * only the directory at the end of the file; nothing is decompressed.
 */
export function zipEntryNames(data: Uint8Array): string[] | null {
  return readZipDirectory(data)?.map((entry) => entry.name) ?? null;
}
