import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { Pack, type WriteEntry } from "tar";
import { readArchive } from "./tar-read";

/**
 * Writes a backup archive (.tar.gz, mode 600) with node-tar's Pack: it reads each file
 * (never following a symbolic link), writes ustar headers and pax long names. Gazette
 * names every member itself (the files come from several folders). As it is written,
 * the uncompressed stream also goes through the same reader a restore uses
 * (tar-read.ts): that reader hashes every file exactly as it went into the archive —
 * even while Gazette keeps running and uploading — and refuses the backup if anything
 * but a file or folder got in (say, a file swapped for a link since it was listed).
 */
export class ArchiveWriter {
  private readonly pack: Pack;
  private readonly out: fs.WriteStream;
  private readonly gzip = zlib.createGzip();
  private readonly names = new Map<string, string>();
  private readonly hashed = new Map<string, string>();
  private readonly failure: Promise<never>;
  private readonly read: Promise<Map<string, string>>;
  private added = 0;
  private through = 0;
  private caughtUp?: () => void;

  constructor(file: string, root: string) {
    this.pack = new Pack({
      portable: true,
      // Sources are absolute paths; onWriteEntry names each member from this.names.
      preservePaths: true,
      noDirRecurse: true,
      // Files are read 1 MiB at a time (node-tar's default is 16 MiB, times 4 files at once).
      maxReadSize: 1024 * 1024,
      // Hard-linked media files are stored whole, each time: a Link member would be refused on restore.
      linkCache: new NoLinks(),
      onWriteEntry: (entry: WriteEntry) => {
        entry.path = this.names.get(entry.absolute) ?? entry.path; // (an unnamed one is refused below: outside the root)
        if (entry.stat) entry.stat.mode = entry.type === "Directory" ? 0o755 : 0o600;
      },
    });
    // Created with mode 600: the archive holds password hashes and secrets.
    this.out = fs.createWriteStream(file, { mode: 0o600 });
    const gzip = this.gzip;
    this.pack.pipe(gzip as unknown as NodeJS.WritableStream);
    gzip.pipe(this.out);
    this.read = readArchive(this.pack as unknown as NodeJS.ReadableStream, {
      root,
      hash: true,
      onMember: (name, sha256) => {
        if (sha256) this.hashed.set(name, sha256);
        this.through += 1;
        if (this.through === this.added) this.caughtUp?.();
      },
    });
    this.failure = new Promise<never>((_, reject) => {
      this.pack.on("error", reject);
      gzip.on("error", reject);
      this.out.on("error", reject);
      this.read.catch(reject);
    });
    this.failure.catch(() => {});
  }

  /** Adds the file or folder `source` as `name` ("gazette-backup/media/x.jpg", a folder ending in "/"). */
  add(name: string, source: string) {
    if (this.names.has(path.resolve(source))) throw new Error(`${source} is already in the archive`);
    this.names.set(path.resolve(source), name);
    this.added += 1;
    this.pack.add(path.resolve(source));
  }

  /** The SHA-256 of every file added so far, once it is all in the archive. */
  async hashes(): Promise<Map<string, string>> {
    if (this.through < this.added) {
      await Promise.race([new Promise<void>((resolve) => (this.caughtUp = resolve)), this.failure]);
    }
    return new Map(this.hashed);
  }

  async finish() {
    this.pack.end();
    await Promise.race([Promise.all([this.read, once(this.out, "close")]), this.failure]);
  }

  /** Stops writing after a failure (the caller deletes the partial file). */
  async abort() {
    this.pack.destroy();
    this.gzip.destroy();
    if (this.out.closed) return;
    // Not once(out, "close"): the destroyed pipe may still emit an error on the way ("write
    // after destroyed"), which would reject it; the failure is already reported by finish().
    const closed = new Promise<void>((resolve) => this.out.once("close", () => resolve()));
    this.out.destroy();
    await closed;
  }
}

/** A link cache that never remembers: node-tar then never writes a hard link. */
class NoLinks extends Map<`${number}:${number}`, string> {
  override set() {
    return this;
  }
}
