import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Parser, type ReadEntry } from "tar";

/**
 * Reads a backup archive that may have been crafted by someone else. node-tar's parser
 * (tar.Parser, strict) reads the format: gzip, ustar, pax and GNU long names, checksums.
 * Gazette's own policy then judges every entry it yields: only regular files and folders
 * under the archive's root folder; a symbolic or hard link, a device, a fifo, any other
 * type, an absolute name, a "..", a backslash or NUL, or a name that appears twice refuses
 * the whole archive. The same reader checks what a backup writes (tar-write.ts).
 */
export class ArchiveRefused extends Error {}

/** Extended headers hold a name or two: anything bigger is not from a backup. */
const META_LIMIT = 64 * 1024;

/** "0" (and "\0", which node-tar also reports as File) and "5". Everything else is refused. */
const ACCEPTED = new Set(["File", "OldFile", "Directory"]);
const REFUSED_TYPES: Record<string, string> = {
  Link: "a hard link",
  SymbolicLink: "a symbolic link",
  CharacterDevice: "a character device",
  BlockDevice: "a block device",
  FIFO: "a named pipe (fifo)",
  // GNU tar reads "7" as a plain file, but no tool we know writes it: refused, as before.
  ContiguousFile: "a contiguous file",
};

const refuse = (name: string, why: string) =>
  new ArchiveRefused(`The archive is refused: its member ${JSON.stringify(name)} is ${why}. A Gazette backup holds only regular files and folders inside its own folder.`);

const wrongType = (entry: ReadEntry) => refuse(entry.path, REFUSED_TYPES[entry.type] ?? `of a type Gazette does not accept (${entry.type})`);

/** Checks one entry's type and name; returns its path as folder names under `root`. */
function judge(entry: ReadEntry, root: string): string[] {
  const name = entry.path;
  if (!ACCEPTED.has(entry.type)) throw wrongType(entry);
  if (name.includes("\0") || name.includes("\\")) throw refuse(name, "a name with forbidden characters");
  if (name.startsWith("/")) throw refuse(name, "an absolute path, outside the backup");
  const parts = name.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.includes("..")) throw refuse(name, 'a path with "..", outside the backup');
  if (parts[0] !== root) throw refuse(name, `outside the backup's folder ${root}/`);
  if (entry.type !== "Directory" && parts.length === 1) throw refuse(name, "a file in place of the backup's folder");
  return parts;
}

/** Turns node-tar's errors (strict mode: every warning is one) into a refusal. */
function refusal(error: unknown): unknown {
  if (error instanceof ArchiveRefused) return error;
  const e = error as NodeJS.ErrnoException & { tarCode?: string };
  if (e.code?.startsWith("Z_")) return new ArchiveRefused("The archive is damaged or is not a .tar.gz file.");
  if (e.tarCode === "TAR_BAD_ARCHIVE" && /Truncated/.test(e.message)) return new ArchiveRefused("The archive is damaged: it ends in the middle of a member.");
  if (e.tarCode === "TAR_BAD_ARCHIVE") return new ArchiveRefused("The archive is damaged or is not a .tar.gz file.");
  if (e.tarCode) return new ArchiveRefused(`The archive is damaged or is not a tar archive (${e.message.replace(/^TAR_\w+: /, "")}).`);
  return error;
}

export interface ReadOptions {
  /** The archive's one top folder ("gazette-backup"). */
  root: string;
  /** Unpack into this empty folder (else only check, and hash when asked). */
  into?: string;
  hash?: boolean;
  /** Told of every member once it has been read whole (files with their SHA-256). */
  onMember?: (name: string, sha256?: string) => void;
}

/**
 * Reads the tar stream `source` (gzipped or not) through node-tar's parser and checks
 * every member. Returns the SHA-256 of every file (when `hash` or `into`), by its path
 * under the root folder ("db/manifest.json"). Rejects with ArchiveRefused at the first
 * member that breaks the policy, and stops reading there.
 *
 * With `into`, the checked entries are written by this function, not by node-tar's
 * extractor (tar.x): it has had several link and path CVEs (CVE-2021-32803, -32804,
 * -37701, -37712, -37713 among them), because it must support links, absolute names and
 * existing folders. Writing only what passed the check — folders with mkdir, files
 * opened O_CREAT|O_EXCL|O_NOFOLLOW with mode 600 in a fresh folder — leaves nothing of
 * that to go wrong: nothing is ever written through a link, and nothing is overwritten.
 */
export function readArchive(source: NodeJS.ReadableStream, options: ReadOptions): Promise<Map<string, string>> {
  const base = options.into ? fs.realpathSync(options.into) : undefined;
  const hashes = new Map<string, string>();
  const seen = new Set<string>();
  const folders = new Set<string>();
  const files = new Set<string>();
  return new Promise((resolve, reject) => {
    let failed = false;
    let open: number | undefined;
    const parser = new Parser({ strict: true, maxMetaEntrySize: META_LIMIT });
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      if (open !== undefined) fs.closeSync(open);
      open = undefined;
      source.unpipe(parser as unknown as NodeJS.WritableStream); // (the caller ends the source)
      parser.abort(new ArchiveRefused("stopped"));
      reject(refusal(error));
    };
    parser.on("error", fail);
    parser.on("end", () => {
      if (!failed) resolve(hashes);
    });
    // node-tar skips entries it does not understand (unknown types, oversized headers): Gazette refuses them.
    parser.on("ignoredEntry", (entry: ReadEntry) => {
      entry.resume();
      fail(entry.meta ? new ArchiveRefused("The archive is refused: it has an oversized extended header.") : wrongType(entry));
    });
    parser.on("entry", (entry: ReadEntry) => {
      if (failed) return void entry.resume();
      try {
        const parts = judge(entry, options.root);
        const key = parts.join("/");
        if (seen.has(key)) throw refuse(entry.path, "in the archive twice");
        seen.add(key);
        for (let i = 1; i < parts.length; i++) {
          const above = parts.slice(0, i).join("/");
          if (files.has(above)) throw refuse(entry.path, "under a member that is a file");
          folders.add(above);
        }
        const inside = parts.slice(1).join("/");
        if (entry.type === "Directory") {
          folders.add(key);
          if (base) fs.mkdirSync(path.join(base, ...parts), { recursive: true, mode: 0o700 });
          entry.resume();
          options.onMember?.(inside);
          return;
        }
        if (folders.has(key)) throw refuse(entry.path, "a file where the archive has a folder");
        files.add(key);
        const hash = options.hash || base ? crypto.createHash("sha256") : undefined;
        if (base) {
          const target = path.join(base, ...parts);
          fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
          // Only folders made here lie on the way; checked anyway, as the last word.
          if (fs.realpathSync(path.dirname(target)) !== path.dirname(target)) throw refuse(entry.path, "under a folder that is a link");
          open = fs.openSync(target, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
        }
        entry.on("end", () => {
          if (failed) return;
          try {
            if (open !== undefined) fs.closeSync(open);
            open = undefined;
            const sha = hash?.digest("hex");
            if (sha) hashes.set(inside, sha);
            options.onMember?.(inside, sha);
          } catch (error) {
            fail(error);
          }
        });
        // Written as it arrives (chunk by chunk, synchronously): memory stays flat.
        entry.on("data", (chunk: Buffer) => {
          if (failed) return;
          try {
            hash?.update(chunk);
            if (open !== undefined) fs.writeSync(open, chunk);
          } catch (error) {
            fail(error);
          }
        });
      } catch (error) {
        entry.resume();
        fail(error);
      }
    });
    source.on("error", fail);
    source.pipe(parser as unknown as NodeJS.WritableStream);
  });
}

/**
 * Unpacks `archive` (.tar.gz) into the empty folder `dest`, in two passes: the first
 * only checks every member, so a refused archive writes nothing at all; the second
 * checks again (the file could have changed in between) and writes. Returns the
 * SHA-256 of every file, by its path under the root folder.
 */
export async function extractArchive(archive: string, dest: string, root: string): Promise<Map<string, string>> {
  const magic = Buffer.alloc(2);
  const fd = fs.openSync(archive, "r");
  try {
    fs.readSync(fd, magic, 0, 2, 0);
  } finally {
    fs.closeSync(fd);
  }
  // node-tar would also take a plain tar, zstd or brotli: a Gazette backup is gzipped.
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw new ArchiveRefused("The archive is damaged or is not a .tar.gz file.");
  const pass = async (options: ReadOptions) => {
    const source = fs.createReadStream(archive);
    try {
      return await readArchive(source, options);
    } finally {
      source.destroy();
    }
  };
  await pass({ root });
  return pass({ root, into: dest });
}
