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

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes("..") || key.includes("//")) throw new Error(`unsafe media key: ${key}`);
}

export class LocalMediaStorage implements MediaStorage {
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

  async get(key: string) {
    try {
      return await fs.promises.readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async remove(key: string) {
    await fs.promises.rm(this.file(key), { force: true });
  }
}

let storage: MediaStorage | undefined;

export function mediaStorage(): MediaStorage {
  storage ??= new LocalMediaStorage(process.env.MEDIA_DIR || dataDir("media"));
  return storage;
}

export function mediaUrl(key: string): string {
  return `/media/${key}`;
}
