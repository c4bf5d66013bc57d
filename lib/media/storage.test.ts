import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isSafeKey, LocalMediaStorage } from "./storage";

let base: string;
let root: string;
let secret: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-media-"));
  root = path.join(base, "media");
  fs.mkdirSync(path.join(root, "files", "2026"), { recursive: true });
  secret = path.join(base, "nextauth-secret");
  fs.writeFileSync(secret, "s3cret");
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe("LocalMediaStorage.get", () => {
  it("reads a regular file stored under its key", async () => {
    const storage = new LocalMediaStorage(root);
    await storage.put("files/2026/a.pdf", Buffer.from("%PDF-1.7"));
    expect((await storage.get("files/2026/a.pdf"))?.toString()).toBe("%PDF-1.7");
    expect(await storage.get("files/2026/missing.pdf")).toBeNull();
  });

  it("refuses a symbolic link planted in the media folder, pointing outside it", async () => {
    fs.symlinkSync(secret, path.join(root, "files", "2026", "leak.pdf"));
    fs.symlinkSync("/proc/self/environ", path.join(root, "files", "2026", "environ.pdf"));
    const storage = new LocalMediaStorage(root);
    expect(await storage.get("files/2026/leak.pdf")).toBeNull();
    expect(await storage.get("files/2026/environ.pdf")).toBeNull();
  });

  it("refuses a link even to a file inside the folder, and a linked folder", async () => {
    fs.symlinkSync(path.join(root, "files", "2026", "a.pdf"), path.join(root, "files", "2026", "alias.pdf"));
    fs.symlinkSync(base, path.join(root, "outside"));
    const storage = new LocalMediaStorage(root);
    expect(await storage.get("files/2026/alias.pdf")).toBeNull();
    expect(await storage.get("outside/nextauth-secret")).toBeNull();
  });

  it("refuses what is not a regular file", async () => {
    expect(await new LocalMediaStorage(root).get("files/2026")).toBeNull();
  });

  it("works when the media folder itself is reached through a link (a mounted share)", async () => {
    const linkedRoot = path.join(base, "media-link");
    fs.symlinkSync(root, linkedRoot);
    expect((await new LocalMediaStorage(linkedRoot).get("files/2026/a.pdf"))?.toString()).toBe("%PDF-1.7");
  });
});

describe("isSafeKey", () => {
  it.each(["../nextauth-secret", "files/../../etc/passwd", "/etc/passwd", "files//a.pdf", "Files/A.pdf", "files/a b.pdf", ".hidden", ""])("refuses %j", (key) => {
    expect(isSafeKey(key)).toBe(false);
  });
  it("accepts generated keys", () => {
    expect(isSafeKey("images/2026/0b6e9b1c-7c55-4a43-9d4a-2b1e7e1b3f5a/w480.webp")).toBe(true);
    expect(isSafeKey("files/2026/0b6e9b1c-7c55-4a43-9d4a-2b1e7e1b3f5a.pdf")).toBe(true);
  });
});
