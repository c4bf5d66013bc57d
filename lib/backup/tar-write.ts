import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import zlib from "node:zlib";

/**
 * Writes a backup archive (POSIX ustar, gzipped) holding only regular files and
 * folders, and hashes every file as it goes: the checksum list is exactly what went
 * into the archive, even while Gazette keeps running and uploading. Written here
 * rather than by GNU tar so that nothing but files and folders can get in (tar -h
 * would store the target of a symbolic link planted in the media folder).
 */
const BLOCK = 512;
const CHUNK = 1024 * 1024;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(name: string, type: "0" | "5" | "x", size: number, mode: number, mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  // A longer name travels in the pax header before this one; here it is only a fallback.
  Buffer.from(name).subarray(0, 100).copy(block, 0);
  block.write(octal(mode, 8), 100, "latin1");
  block.write(octal(0, 8), 108, "latin1");
  block.write(octal(0, 8), 116, "latin1");
  block.write(octal(size, 12), 124, "latin1");
  block.write(octal(mtime, 12), 136, "latin1");
  block.write(type, 156, "latin1");
  block.write("ustar\0", 257, "latin1");
  block.write("00", 263, "latin1");
  block.fill(" ", 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + " ", 148, "latin1");
  return block;
}

/** A pax record "<length> path=<name>\n", whose length counts its own digits. */
function paxPath(name: string): Buffer {
  const rest = ` path=${name}\n`;
  let length = Buffer.byteLength(rest) + 1;
  while (String(length).length + Buffer.byteLength(rest) !== length) length += 1;
  return Buffer.from(`${length}${rest}`);
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

export class TarWriter {
  private readonly gzip = zlib.createGzip();
  private readonly out: fs.WriteStream;
  private readonly closed: Promise<void>;

  constructor(file: string) {
    // Created with mode 600: the archive holds password hashes and secrets.
    this.out = fs.createWriteStream(file, { mode: 0o600 });
    this.gzip.pipe(this.out);
    this.closed = new Promise((resolve, reject) => {
      this.out.once("close", resolve);
      this.out.once("error", reject);
      this.gzip.once("error", reject);
    });
  }

  /** Stops writing after a failure (the caller deletes the partial file). */
  async abort() {
    this.closed.catch(() => {});
    this.gzip.destroy();
    this.out.destroy();
    if (!this.out.closed) await once(this.out, "close");
  }

  private async write(data: Buffer) {
    if (!this.gzip.write(data)) await once(this.gzip, "drain");
  }

  private async head(name: string, type: "0" | "5", size: number, mode: number) {
    const mtime = Math.floor(Date.now() / 1000);
    if (Buffer.byteLength(name) > 100) {
      const pax = paxPath(name);
      await this.write(Buffer.concat([header("PaxHeader", "x", pax.length, 0o644, mtime), pax, padding(pax.length)]));
    }
    await this.write(header(name, type, size, mode, mtime));
  }

  async directory(name: string) {
    await this.head(name.replace(/\/?$/, "/"), "5", 0, 0o755);
  }

  /** Adds `data` as a file; returns its SHA-256. */
  async buffer(name: string, data: Buffer | string): Promise<string> {
    const body = Buffer.from(data);
    await this.head(name, "0", body.length, 0o600);
    await this.write(Buffer.concat([body, padding(body.length)]));
    return crypto.createHash("sha256").update(body).digest("hex");
  }

  /** Adds the regular file at `source` (never following a symbolic link); returns its SHA-256. */
  async file(name: string, source: string): Promise<string> {
    const handle = await fs.promises.open(source, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new Error(`${source} is not a regular file`);
      await this.head(name, "0", stat.size, 0o600);
      const hash = crypto.createHash("sha256");
      let left = stat.size;
      while (left > 0) {
        const { bytesRead, buffer } = await handle.read(Buffer.alloc(Math.min(CHUNK, left)), 0, Math.min(CHUNK, left), null);
        if (bytesRead === 0) throw new Error(`${source} shrank while it was being backed up: try again`);
        const piece = buffer.subarray(0, bytesRead);
        hash.update(piece);
        await this.write(piece);
        left -= bytesRead;
      }
      await this.write(padding(stat.size));
      return hash.digest("hex");
    } finally {
      await handle.close();
    }
  }

  async finish() {
    await this.write(Buffer.alloc(BLOCK * 2));
    this.gzip.end();
    await this.closed;
  }
}
