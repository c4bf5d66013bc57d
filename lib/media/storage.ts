import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/env";

/**
 * Where media bytes live. One small interface so that several app instances can
 * share a directory (NFS) today and object storage tomorrow; keys are generated,
 * never taken from a file name.
 */
export interface MediaStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

export function isSafeKey(key: string): boolean {
  return SAFE_KEY.test(key) && !key.includes("..") && !key.includes("//");
}

export function assertSafeKey(key: string): void {
  if (!isSafeKey(key)) throw new Error(`unsafe media key: ${key}`);
}

/** Errors that mean "no such file here" when resolving or opening a key. */
const MISSING = new Set(["ENOENT", "ENOTDIR", "ELOOP", "EISDIR"]);

export class LocalMediaStorage implements MediaStorage {
  private realRoot: string | undefined;

  constructor(private readonly root: string) {}

  private file(key: string) {
    assertSafeKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, data: Buffer) {
    const file = this.file(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    // Write then rename: a reader on another instance never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, data);
    await fs.promises.rename(tmp, file);
  }

  /**
   * The bytes of a regular file stored under the key, and nothing else. Gazette writes
   * only regular files here; a symbolic link (planted, or restored from a crafted
   * backup) could point anywhere — /proc/self/environ, the session secret — and the
   * files here are served to the public. So the real path must be exactly the key
   * under the real root (no link in any folder of the key), the last step is opened
   * without following a link (no swap between the check and the open), and it must be
   * a regular file. The root itself may be a link (a mounted share).
   */
  async get(key: string) {
    const file = this.file(key);
    try {
      this.realRoot ??= await fs.promises.realpath(this.root);
      const real = await fs.promises.realpath(file);
      if (real !== path.join(this.realRoot, key)) return refused(key);
      const handle = await fs.promises.open(real, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
      try {
        if (!(await handle.stat()).isFile()) return refused(key);
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    } catch (error) {
      if (MISSING.has((error as NodeJS.ErrnoException).code ?? "")) return null;
      throw error;
    }
  }

  async remove(key: string) {
    await fs.promises.rm(this.file(key), { force: true });
  }
}

function refused(key: string): null {
  console.warn(`[gazette] media: refused ${key}: not a regular file inside the media folder (a symbolic link?)`);
  return null;
}

let storage: MediaStorage | undefined;

export function mediaStorage(): MediaStorage {
  storage ??= new LocalMediaStorage(process.env.MEDIA_DIR || dataDir("media"));
  return storage;
}

export function mediaUrl(key: string): string {
  return `/media/${key}`;
}
