import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ensureAuthSecret } from "./runtime";

/** NEXTAUTH_SECRET: generated once under DATA_DIR with mode 600, reused, never printed. */
describe("ensureAuthSecret", () => {
  let dir: string;
  const saved = { secret: process.env.NEXTAUTH_SECRET, dataDir: process.env.DATA_DIR };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-secret-"));
    delete process.env.NEXTAUTH_SECRET;
    process.env.DATA_DIR = path.relative(process.cwd(), dir);
  });
  afterEach(() => {
    process.env.NEXTAUTH_SECRET = saved.secret;
    process.env.DATA_DIR = saved.dataDir;
    fs.rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it("generates a strong secret on first start, mode 600, and never prints it", () => {
    const printed: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...args) => void printed.push(args.join(" ")));
    vi.spyOn(console, "error").mockImplementation((...args) => void printed.push(args.join(" ")));
    ensureAuthSecret();
    const file = path.join(dir, "nextauth-secret");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const secret = fs.readFileSync(file, "utf8").trim();
    expect(Buffer.from(secret, "base64url").length).toBeGreaterThanOrEqual(48);
    expect(process.env.NEXTAUTH_SECRET).toBe(secret);
    expect(printed.join("\n")).toContain("generated the session secret");
    expect(printed.join("\n")).not.toContain(secret);
  });

  it("reuses the stored secret on the next start and repairs loose permissions", () => {
    ensureAuthSecret();
    const first = process.env.NEXTAUTH_SECRET;
    const file = path.join(dir, "nextauth-secret");
    fs.chmodSync(file, 0o644);
    delete process.env.NEXTAUTH_SECRET;
    ensureAuthSecret();
    expect(process.env.NEXTAUTH_SECRET).toBe(first);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("leaves a secret given in the environment alone and writes no file", () => {
    process.env.NEXTAUTH_SECRET = "from-the-environment-from-the-environment-123";
    ensureAuthSecret();
    expect(process.env.NEXTAUTH_SECRET).toBe("from-the-environment-from-the-environment-123");
    expect(fs.existsSync(path.join(dir, "nextauth-secret"))).toBe(false);
  });
});
