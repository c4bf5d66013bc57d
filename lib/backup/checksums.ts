import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ArchiveRefused } from "./tar-read";

/**
 * Every backup ends with checksums.json (the SHA-256 of every other file in it) and,
 * when BACKUP_KEY is set, `signature`: an HMAC-SHA256 of checksums.json with that key.
 * The key is never in the archive, so whoever can change an archive cannot sign it
 * again: with the key set, restore accepts only archives signed with it (or, told so
 * with --trust-unsigned, an unsigned or differently signed one, saying so).
 */
export const CHECKSUMS_FILE = "checksums.json";
export const SIGNATURE_FILE = "signature";
const CHECKSUMS_FORMAT = "gazette-checksums/1";

export function checksumsFile(hashes: Map<string, string>): string {
  const files = Object.fromEntries([...hashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({ format: CHECKSUMS_FORMAT, files }, null, 2) + "\n";
}

export function sign(checksums: string, key: string): string {
  return `hmac-sha256 ${crypto.createHmac("sha256", key).update(checksums).digest("hex")}\n`;
}

export interface VerifyOptions {
  key?: string;
  trustUnsigned?: boolean;
  log: (m: string) => void;
}

/**
 * Checks an unpacked archive (`root`, with the hashes its files had while unpacking)
 * against its signature and checksum list. Archives made before the list existed have
 * neither: they are accepted only when no BACKUP_KEY is set (or --trust-unsigned).
 */
export function verifyArchive(root: string, hashes: Map<string, string>, options: VerifyOptions) {
  const listFile = path.join(root, CHECKSUMS_FILE);
  const checksums = fs.existsSync(listFile) ? fs.readFileSync(listFile, "utf8") : undefined;
  const signatureFile = path.join(root, SIGNATURE_FILE);
  const signature = fs.existsSync(signatureFile) ? fs.readFileSync(signatureFile, "utf8") : undefined;

  if (options.key) {
    const how = "Restore an archive made with this BACKUP_KEY, or pass --trust-unsigned if you know where this one comes from.";
    if (checksums === undefined || signature === undefined) {
      if (!options.trustUnsigned) throw new ArchiveRefused(`The archive is not signed, and BACKUP_KEY is set. ${how}`);
      options.log("warning: the archive is not signed; restoring it because --trust-unsigned was given (trusted by the operator)");
    } else if (!sameText(signature.trim(), sign(checksums, options.key).trim())) {
      if (!options.trustUnsigned) throw new ArchiveRefused(`The archive's signature does not match BACKUP_KEY: it was signed with another key, or changed since. ${how}`);
      options.log("warning: the archive's signature does not match BACKUP_KEY; restoring it because --trust-unsigned was given (trusted by the operator)");
    } else options.log("signature verified (BACKUP_KEY)");
  } else if (signature !== undefined) {
    options.log("note: the archive is signed, but BACKUP_KEY is not set: its signature was not checked");
  }

  if (checksums === undefined) return;
  let listed: Record<string, string>;
  try {
    const parsed = JSON.parse(checksums) as { format?: string; files?: Record<string, string> };
    if (parsed.format !== CHECKSUMS_FORMAT || typeof parsed.files !== "object" || parsed.files === null) throw new Error();
    listed = parsed.files;
  } catch {
    throw new ArchiveRefused(`The archive is damaged: ${CHECKSUMS_FILE} cannot be read.`);
  }
  for (const [file, sha] of hashes) {
    if (file === CHECKSUMS_FILE || file === SIGNATURE_FILE) continue;
    if (!(file in listed)) throw new ArchiveRefused(`The archive is damaged: ${file} is not in its checksum list.`);
    if (listed[file] !== sha) throw new ArchiveRefused(`The archive is damaged: ${file} does not match its checksum.`);
  }
  for (const file of Object.keys(listed)) {
    if (!hashes.has(file)) throw new ArchiveRefused(`The archive is damaged: ${file} is missing.`);
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
