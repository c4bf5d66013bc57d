import { promisify } from "node:util";
import zlib from "node:zlib";
import { readZipDirectory, type ZipEntry } from "@/lib/media/zip-directory";
import { DocxError, type DocxProblem } from "./errors";
import { DOCX_LIMITS } from "./limits";

/**
 * What an uploaded "Word file" is, decided by its bytes, and its ZIP opened within
 * bounds. A .docx is a ZIP holding word/document.xml. A .doc or a .wps is an OLE2
 * compound file (D0 CF 11 E0 …) — and so is a password-protected .docx: Office encrypts
 * the whole ZIP into an OLE2 file with the streams EncryptionInfo and EncryptedPackage.
 *
 * Every entry is inflated once here, each with its declared size as the most it may
 * produce, and its CRC checked: a truncated file, a lying size or a zip bomb fails now,
 * before anything reads it for real (mammoth, in a worker: ./read.ts).
 */
export { DocxError, type DocxProblem } from "./errors";

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((b, i) => data[i] === b);
const utf16 = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0), 0]));

function contains(data: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  for (let i = data.indexOf(first); i >= 0 && i <= data.length - needle.length; i = data.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && data[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** The problem a file has before it is opened as a ZIP, or null when it may be one. */
export function sniffDocx(data: Uint8Array): DocxProblem | null {
  if (data.length === 0) return "empty";
  if (data.length > DOCX_LIMITS.fileBytes) return "too-large";
  if (startsWith(data, OLE2)) {
    // The directory of an encrypted OOXML package names these streams (MS-OFFCRYPTO 2.3.4.1).
    return contains(data, utf16("EncryptedPackage")) || contains(data, utf16("EncryptionInfo")) ? "encrypted" : "legacy";
  }
  // A .doc that is really RTF (Word and WPS both save such files under .doc).
  if (new TextDecoder().decode(data.subarray(0, 5)) === "{\\rtf") return "legacy";
  if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(data, [0x50, 0x4b, 0x05, 0x06])) return "not-docx";
  return null;
}

const inflateRaw = promisify(zlib.inflateRaw);

/** An entry's bytes, proven to be exactly its declared size and CRC; throws DocxError("damaged") otherwise. */
async function inflateEntry(data: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = entry.localOffset;
  if (at + 30 > data.length || view.getUint32(at, true) !== 0x04034b50) throw new DocxError("damaged");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new DocxError("damaged");
  const raw = data.subarray(start, end);
  let out: Uint8Array;
  if (entry.method === 0) out = raw;
  else if (entry.method === 8) {
    try {
      // Never more than the declared size: a bomb that lies about it stops here.
      out = await inflateRaw(raw, { maxOutputLength: Math.max(1, entry.size) });
    } catch {
      throw new DocxError("damaged");
    }
  } else throw new DocxError("damaged");
  if (out.length !== entry.size || zlib.crc32(out) !== entry.crc) throw new DocxError("damaged");
  return out;
}

export interface DocxPackage {
  names: string[];
  /** An entry's bytes (checked when the package was opened), or null when there is none. */
  read(name: string): Promise<Uint8Array | null>;
  /** An XML entry as text, or null. */
  text(name: string): Promise<string | null>;
}

const MAIN_PART = /application\/vnd\.(openxmlformats-officedocument\.wordprocessingml\.document|ms-word\.(document|template)\.macroEnabled)\.main\+xml|wordprocessingml\.template\.main\+xml/;

/**
 * Opens a .docx: every check above, then every entry inflated within bounds. Throws
 * DocxError naming what is wrong with the file.
 */
export async function openDocx(data: Uint8Array): Promise<DocxPackage> {
  const problem = sniffDocx(data);
  if (problem) throw new DocxError(problem);
  const entries = readZipDirectory(data);
  if (!entries) throw new DocxError("damaged");
  if (entries.length > DOCX_LIMITS.entries) throw new DocxError("too-complex");
  const byName = new Map(entries.map((e) => [e.name, e]));
  // Traditional ZIP encryption (flag bit 0): not how Word protects a file, but locked all the same.
  if (entries.some((e) => e.flags & 1)) throw new DocxError("encrypted");
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > DOCX_LIMITS.inflatedBytes) throw new DocxError("too-complex");
  if (entries.some((e) => /\.(xml|rels)$/i.test(e.name) && e.size > DOCX_LIMITS.xmlPartBytes)) throw new DocxError("too-complex");
  // Each entry once, in turn: at most one inflated entry is held at a time.
  for (const entry of entries) if (!entry.name.endsWith("/")) await inflateEntry(data, entry);
  const contentTypes = byName.get("[Content_Types].xml");
  const types = contentTypes ? new TextDecoder().decode(await inflateEntry(data, contentTypes)) : "";
  if (!byName.has("word/document.xml") && !MAIN_PART.test(types)) throw new DocxError("not-docx");
  const read = async (name: string) => {
    const entry = byName.get(name);
    return entry ? inflateEntry(data, entry) : null;
  };
  return {
    names: entries.map((e) => e.name),
    read,
    text: async (name) => {
      const bytes = await read(name);
      return bytes ? new TextDecoder().decode(bytes) : null;
    },
  };
}
