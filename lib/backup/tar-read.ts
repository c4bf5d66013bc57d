import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/**
 * Unpacks a backup archive that may have been crafted by someone else. Only regular
 * files and folders under the archive's root folder are accepted; a symbolic or hard
 * link, a device, a fifo, an absolute name, a ".." or a name that appears twice refuses
 * the whole archive before anything of the site is touched. Files are created with
 * O_EXCL | O_NOFOLLOW in a fresh folder, so nothing can be written through a link.
 * Reads POSIX ustar/pax (as tar-write.ts writes) and GNU tar's format (long names).
 */
export class ArchiveRefused extends Error {}

const BLOCK = 512;
const CHUNK = 1024 * 1024;
/** Extended headers hold a name or two: anything bigger is not from a backup. */
const META_LIMIT = 64 * 1024;

const REFUSED_TYPES: Record<string, string> = {
  "1": "a hard link",
  "2": "a symbolic link",
  "3": "a character device",
  "4": "a block device",
  "6": "a named pipe (fifo)",
  "7": "a contiguous file",
};

const refuse = (name: string, why: string) =>
  new ArchiveRefused(`The archive is refused: its member ${JSON.stringify(name)} is ${why}. A Gazette backup holds only regular files and folders inside its own folder.`);

/** Reads exact byte counts from the gunzipped stream. */
class Reader {
  private chunks: Buffer[] = [];
  private length = 0;
  private ended = false;
  private readonly source: AsyncIterator<Buffer>;

  constructor(stream: NodeJS.ReadableStream) {
    this.source = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  async take(n: number): Promise<Buffer | null> {
    while (this.length < n && !this.ended) {
      const next = await this.source.next();
      if (next.done) this.ended = true;
      else {
        this.chunks.push(next.value);
        this.length += next.value.length;
      }
    }
    if (this.length < n) return null;
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[0];
      const used = Math.min(head.length, n - filled);
      head.copy(out, filled, 0, used);
      filled += used;
      if (used === head.length) this.chunks.shift();
      else this.chunks[0] = head.subarray(used);
    }
    this.length -= n;
    return out;
  }
}

const text = (block: Buffer, start: number, length: number) => {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString("utf8");
};

function numeric(block: Buffer, start: number, length: number): number {
  // GNU tar writes sizes over 8 GiB in base-256, flagged by the high bit.
  if (block[start] & 0x80) {
    let value = 0;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + block[i];
    return value;
  }
  const digits = text(block, start, length).trim();
  return digits ? parseInt(digits, 8) : 0;
}

function checksumOk(block: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  return sum === numeric(block, 148, 8);
}

function paxRecords(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const length = Number(body.subarray(at, space).toString());
    if (space === -1 || !Number.isInteger(length) || length <= 0) break;
    const record = body.subarray(space + 1, at + length - 1).toString("utf8");
    const eq = record.indexOf("=");
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    at += length;
  }
  return out;
}

/** The member's path as folder names under `root`, or a refusal. */
function safeParts(name: string, root: string): string[] {
  if (name.includes("\0") || name.includes("\\")) throw refuse(name, "a name with forbidden characters");
  if (name.startsWith("/")) throw refuse(name, "an absolute path, outside the backup");
  const parts = name.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.includes("..")) throw refuse(name, 'a path with "..", outside the backup');
  if (parts[0] !== root) throw refuse(name, `outside the backup's folder ${root}/`);
  return parts;
}

/**
 * Unpacks `archive` (.tar.gz) into the empty folder `dest`. Returns the SHA-256 of
 * every file, by its path under the root folder ("db/manifest.json").
 */
export async function extractArchive(archive: string, dest: string, root: string): Promise<Map<string, string>> {
  const base = fs.realpathSync(dest);
  const hashes = new Map<string, string>();
  const seen = new Set<string>();
  const input = fs.createReadStream(archive);
  const gunzip = zlib.createGunzip();
  const reader = new Reader(input.pipe(gunzip));
  input.once("error", (e) => gunzip.destroy(e));
  let pending: { path?: string; size?: number } = {};
  try {
    for (;;) {
      const block = await reader.take(BLOCK);
      if (!block) throw new ArchiveRefused("The archive is damaged: it ends in the middle of a member.");
      if (block.every((b) => b === 0)) break;
      if (!checksumOk(block)) throw new ArchiveRefused("The archive is damaged or is not a tar archive (a header checksum does not match).");
      const type = String.fromCharCode(block[156] || 0x30);
      const meta = type === "x" || type === "L" || type === "g" || type === "K";
      // A pax size describes the member after it, never another pax header.
      const size = meta ? numeric(block, 124, 12) : (pending.size ?? numeric(block, 124, 12));
      if (meta && size > META_LIMIT) throw new ArchiveRefused("The archive is refused: it has an oversized extended header.");
      if (!Number.isSafeInteger(size) || size < 0) throw new ArchiveRefused("The archive is damaged: a member has an impossible size.");
      const ustarPrefix = block.subarray(257, 263).toString("latin1") === "ustar\0" ? text(block, 345, 155) : "";
      const name = pending.path ?? (ustarPrefix ? `${ustarPrefix}/${text(block, 0, 100)}` : text(block, 0, 100));
      const body = async (onPiece: (piece: Buffer) => void | Promise<void>) => {
        for (let left = size; left > 0; ) {
          const piece = await reader.take(Math.min(CHUNK, left));
          if (!piece) throw new ArchiveRefused(`The archive is damaged: ${name} is cut short.`);
          await onPiece(piece);
          left -= piece.length;
        }
        if (size % BLOCK) await reader.take(BLOCK - (size % BLOCK));
      };
      const collect = async () => {
        const pieces: Buffer[] = [];
        await body((p) => void pieces.push(p));
        return Buffer.concat(pieces);
      };

      // Headers that describe the next member: pax (path, size) and GNU long names.
      if (type === "x") {
        const records = paxRecords(await collect());
        pending = { path: records.path ?? pending.path, size: records.size !== undefined ? Number(records.size) : pending.size };
        continue;
      }
      if (type === "L") {
        pending = { ...pending, path: (await collect()).toString("utf8").replace(/\0+$/, "") };
        continue;
      }
      if (type === "g" || type === "K") {
        await collect(); // global pax settings; a link target (the link itself is refused below)
        continue;
      }
      pending = {};
      if (REFUSED_TYPES[type]) throw refuse(name, REFUSED_TYPES[type]);
      if (type !== "0" && type !== "5") throw refuse(name, `of an unknown type (${JSON.stringify(type)})`);
      const parts = safeParts(name, root);
      const key = parts.join("/");
      if (seen.has(key)) throw refuse(name, "in the archive twice");
      seen.add(key);
      const target = path.join(base, ...parts);
      if (type === "5") {
        if (size) await body(() => {});
        fs.mkdirSync(target, { recursive: true, mode: 0o700 });
        continue;
      }
      if (parts.length === 1) throw refuse(name, "a file in place of the backup's folder");
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      // Only folders this function made lie on the way; checked anyway, as the last word.
      if (fs.realpathSync(path.dirname(target)) !== path.dirname(target)) throw refuse(name, "under a folder that is a link");
      const handle = await fs.promises.open(target, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
      const hash = crypto.createHash("sha256");
      try {
        await body(async (piece) => {
          hash.update(piece);
          await handle.write(piece);
        });
      } finally {
        await handle.close();
      }
      hashes.set(parts.slice(1).join("/"), hash.digest("hex"));
    }
  } catch (error) {
    if (error instanceof ArchiveRefused) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR") throw new ArchiveRefused("The archive is damaged or is not a .tar.gz file.");
    throw error;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  return hashes;
}
