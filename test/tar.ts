import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/**
 * Writes tar archives byte by byte, for tests that need members GNU tar would not
 * write (or would clean up): symlinks, hard links, devices, fifos, `../` and absolute
 * names. The layout is POSIX ustar: a 512-byte header per member, the body padded to
 * 512 bytes, two zero blocks at the end; `pax` records go into an extended header
 * ("x") before the member.
 */
export type TarType = "file" | "dir" | "symlink" | "hardlink" | "char" | "block" | "fifo" | "contiguous" | "unknown";

export interface TarMember {
  name: string;
  type: TarType;
  body?: Buffer | string;
  linkname?: string;
  pax?: Record<string, string>;
}

const TYPEFLAG: Record<TarType, string> = { file: "0", hardlink: "1", symlink: "2", char: "3", block: "4", dir: "5", fifo: "6", contiguous: "7", unknown: "Z" };

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(member: { name: string; type: TarType | "pax"; linkname?: string }, size: number): Buffer {
  const block = Buffer.alloc(512);
  const name = Buffer.from(member.name);
  if (name.length > 100) throw new Error(`test tar: name too long: ${member.name}`);
  name.copy(block, 0);
  block.write(octal(member.type === "dir" ? 0o755 : 0o644, 8), 100, "latin1");
  block.write(octal(0, 8), 108, "latin1");
  block.write(octal(0, 8), 116, "latin1");
  block.write(octal(size, 12), 124, "latin1");
  block.write(octal(Math.floor(Date.now() / 1000), 12), 136, "latin1");
  block.write(member.type === "pax" ? "x" : TYPEFLAG[member.type], 156, "latin1");
  if (member.linkname) Buffer.from(member.linkname).copy(block, 157);
  block.write("ustar\0", 257, "latin1");
  block.write("00", 263, "latin1");
  if (member.type === "char" || member.type === "block") {
    block.write(octal(1, 8), 329, "latin1"); // 1,3 is /dev/null
    block.write(octal(3, 8), 337, "latin1");
  }
  block.fill(" ", 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + " ", 148, "latin1");
  return block;
}

export function tarGz(members: TarMember[]): Buffer {
  const parts: Buffer[] = [];
  const padded = (body: Buffer) => [body, Buffer.alloc((512 - (body.length % 512)) % 512)];
  for (const member of members) {
    if (member.pax) {
      // "<length> <key>=<value>\n", the length counting its own digits.
      const records = Object.entries(member.pax).map(([key, value]) => {
        const rest = ` ${key}=${value}\n`;
        let length = Buffer.byteLength(rest) + 1;
        while (String(length).length + Buffer.byteLength(rest) !== length) length += 1;
        return `${length}${rest}`;
      });
      const body = Buffer.from(records.join(""));
      parts.push(header({ name: "PaxHeader", type: "pax" }, body.length), ...padded(body));
    }
    const body = member.type === "file" ? Buffer.from(member.body ?? "") : Buffer.alloc(0);
    parts.push(header(member, body.length), ...padded(body));
  }
  parts.push(Buffer.alloc(1024));
  return zlib.gzipSync(Buffer.concat(parts));
}

/** The members of a folder (files and folders, in a stable order), named from `prefix`. */
export function membersOf(dir: string, prefix: string): TarMember[] {
  const out: TarMember[] = [{ name: `${prefix}/`, type: "dir" }];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...membersOf(full, `${prefix}/${entry.name}`));
    else if (entry.isFile()) out.push({ name: `${prefix}/${entry.name}`, type: "file", body: fs.readFileSync(full) });
  }
  return out;
}
