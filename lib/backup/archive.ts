import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { dumpDatabase } from "./dump";
import { RestoreError, databaseIsEmpty, restoreDatabase, verifyDump } from "./restore";

/**
 * One archive (.tar.gz, mode 600) with everything a Gazette site is: the database dump
 * (dump.ts), the media folder and — when Gazette generated it — the session secret,
 * which also encrypts the two-factor secrets. The archive holds password hashes and
 * that secret: keep it as carefully as the server itself.
 */
export interface SitePaths {
  databaseUrl: string;
  mediaDir: string;
  /** $DATA_DIR/nextauth-secret: copied when it exists and NEXTAUTH_SECRET is not set. */
  secretFile: string;
  /** NEXTAUTH_SECRET was given in the environment (not generated into secretFile). */
  secretFromEnv: boolean;
  migrationsDir: string;
}

const ROOT = "gazette-backup";

function tar(args: string[]) {
  const result = spawnSync("tar", args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`tar ${args[0]} failed: ${result.stderr || result.error?.message}`);
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-backup-"));
  fs.chmodSync(dir, 0o700);
  return dir;
}

function countFiles(dir: string): { files: number; bytes: number } {
  if (!fs.existsSync(dir)) return { files: 0, bytes: 0 };
  let files = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

export async function createBackup(site: SitePaths, out: string, log: (m: string) => void = () => {}) {
  const work = tempDir();
  const root = path.join(work, ROOT);
  try {
    fs.mkdirSync(root);
    const manifest = await dumpDatabase(site.databaseUrl, root, site.migrationsDir);
    fs.writeFileSync(path.join(root, "db", "manifest.json"), JSON.stringify(manifest, null, 2));
    log(`database: ${manifest.tables.reduce((n, t) => n + t.rows, 0)} row(s) in ${manifest.tables.length} table(s), PostgreSQL ${manifest.serverVersion}`);
    const withSecret = !site.secretFromEnv && fs.existsSync(site.secretFile);
    if (withSecret) fs.copyFileSync(site.secretFile, path.join(root, "nextauth-secret"));
    // The media folder goes in as it is (a symlink followed by tar -h), not copied first.
    fs.mkdirSync(site.mediaDir, { recursive: true });
    fs.symlinkSync(path.resolve(site.mediaDir), path.join(root, "media"));
    const media = countFiles(site.mediaDir);
    fs.writeFileSync(path.join(root, "backup.json"), JSON.stringify({ format: "gazette-backup/1", createdAt: manifest.createdAt, media, secret: withSecret }, null, 2));
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    // Created empty with mode 600 first: the archive holds password hashes.
    fs.writeFileSync(out, "", { mode: 0o600 });
    fs.chmodSync(out, 0o600);
    tar(["-czhf", path.resolve(out), "-C", work, ROOT]);
    log(`media: ${media.files} file(s), ${(media.bytes / 1024 / 1024).toFixed(1)} MiB`);
    return { manifest, media, secret: withSecret };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function restoreBackup(site: SitePaths, archive: string, options: { force: boolean; log?: (m: string) => void }) {
  const log = options.log ?? (() => {});
  if (!fs.existsSync(archive)) throw new RestoreError(`No such archive: ${archive}`);
  const work = tempDir();
  try {
    // GNU tar refuses members with ".." or absolute paths; only our root folder is read.
    tar(["-xzf", path.resolve(archive), "-C", work, "--no-same-owner", ROOT]);
    const root = path.join(work, ROOT);
    const manifest = verifyDump(root);
    const mediaTaken = countFiles(site.mediaDir).files > 0;
    // Refuse before touching anything, so a mistake leaves the site as it was.
    if (!options.force && (mediaTaken || !(await databaseIsEmpty(site.databaseUrl)))) {
      throw new RestoreError("The target site is not empty (database or media). Restore into an empty site, or pass --force to replace it (the old media folder is kept beside it).");
    }
    await restoreDatabase(site.databaseUrl, root, { force: options.force, log });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    if (fs.existsSync(site.mediaDir)) {
      if (mediaTaken) {
        const aside = `${site.mediaDir.replace(/\/$/, "")}.before-restore-${stamp}`;
        fs.renameSync(site.mediaDir, aside);
        log(`the previous media folder is kept in ${aside}`);
      } else fs.rmSync(site.mediaDir, { recursive: true, force: true });
    }
    fs.mkdirSync(path.dirname(path.resolve(site.mediaDir)), { recursive: true });
    fs.cpSync(path.join(root, "media"), site.mediaDir, { recursive: true });
    const media = countFiles(site.mediaDir);
    log(`media: ${media.files} file(s) restored`);
    restoreSecret(path.join(root, "nextauth-secret"), site, stamp, log);
    return { manifest, media };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The session secret also decrypts the two-factor secrets: without it, users set up 2FA again. */
function restoreSecret(source: string, site: SitePaths, stamp: string, log: (m: string) => void) {
  if (!fs.existsSync(source)) return;
  const secret = fs.readFileSync(source, "utf8");
  const target = site.secretFile;
  if (site.secretFromEnv && process.env.NEXTAUTH_SECRET) {
    if (process.env.NEXTAUTH_SECRET.trim() !== secret.trim()) log("note: NEXTAUTH_SECRET differs from the backed-up secret; two-factor logins must be set up again (or set NEXTAUTH_SECRET to the old value).");
    return;
  }
  if (fs.existsSync(target) && fs.readFileSync(target, "utf8").trim() !== secret.trim()) fs.renameSync(target, `${target}.before-restore-${stamp}`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, secret, { mode: 0o600 });
  fs.chmodSync(target, 0o600);
  log("session secret restored (mode 600)");
}
