import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CHECKSUMS_FILE, SIGNATURE_FILE, checksumsFile, sign, verifyArchive } from "./checksums";
import { dumpDatabase } from "./dump";
import { RestoreError, databaseIsEmpty, restoreDatabase, verifyDump } from "./restore";
import { ArchiveRefused, extractArchive } from "./tar-read";
import { ArchiveWriter } from "./tar-write";

/**
 * One archive (.tar.gz, mode 600) with everything a Gazette site is: the database dump
 * (dump.ts), the media folder and — when Gazette generated it — the session secret,
 * which also encrypts the two-factor secrets; then the checksum of every file, signed
 * when BACKUP_KEY is set (checksums.ts). The archive holds password hashes and that
 * secret: keep it as carefully as the server itself. A restore treats it as input from
 * outside: only files and folders (tar-read.ts, with node-tar), only the migrations this version ships.
 */
export interface SitePaths {
  databaseUrl: string;
  mediaDir: string;
  /** $DATA_DIR/nextauth-secret: copied when it exists and NEXTAUTH_SECRET is not set. */
  secretFile: string;
  /** NEXTAUTH_SECRET was given in the environment (not generated into secretFile). */
  secretFromEnv: boolean;
  migrationsDir: string;
  /** BACKUP_KEY: signs new archives; restore then accepts only archives signed with it. */
  backupKey?: string;
  /** The app's own database role, given back the tables a restore recreates (lib/db/roles.ts). */
  appRole?: string;
}

const ROOT = "gazette-backup";

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-backup-"));
  fs.chmodSync(dir, 0o700);
  return dir;
}

/** Every file under `dir`, as paths relative to it; anything but files and folders is refused. */
function mediaFiles(dir: string, under = ""): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, under), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const relative = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(`${relative}/`, ...mediaFiles(dir, relative));
    else if (entry.isFile()) out.push(relative);
    else throw new Error(`${path.join(dir, relative)} is not a regular file or folder (a link?): a backup holds only those. Replace it with the file itself.`);
  }
  return out;
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
  const target = path.resolve(out);
  let writer: ArchiveWriter | undefined;
  try {
    fs.mkdirSync(root);
    const manifest = await dumpDatabase(site.databaseUrl, root, site.migrationsDir);
    fs.writeFileSync(path.join(root, "db", "manifest.json"), JSON.stringify(manifest, null, 2));
    log(`database: ${manifest.tables.reduce((n, t) => n + t.rows, 0)} row(s) in ${manifest.tables.length} table(s), PostgreSQL ${manifest.serverVersion}`);
    const withSecret = !site.secretFromEnv && fs.existsSync(site.secretFile);
    const media = mediaFiles(site.mediaDir);
    const counted = countFiles(site.mediaDir);

    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.rmSync(target, { force: true });
    writer = new ArchiveWriter(target, ROOT);
    const add = (name: string, source: string) => writer!.add(`${ROOT}/${name}`, source);
    // The generated files are written into the work folder (mode 700) and packed from there.
    const generated = (name: string, text: string) => {
      fs.writeFileSync(path.join(root, name), text, { mode: 0o600 });
      add(name, path.join(root, name));
    };
    add("", root);
    add("db/", path.join(root, "db"));
    add("db/data/", path.join(root, "db", "data"));
    add("db/manifest.json", path.join(root, "db", "manifest.json"));
    for (const table of manifest.tables) add(table.file, path.join(root, table.file));
    if (withSecret) add("nextauth-secret", site.secretFile);
    // The folder entries are the work folder's own (MEDIA_DIR itself may be a link the operator made).
    fs.mkdirSync(path.join(root, "media"));
    add("media/", path.join(root, "media"));
    for (const file of media) add(`media/${file}`, path.join(site.mediaDir, file));
    const info = JSON.stringify({ format: "gazette-backup/1", createdAt: manifest.createdAt, media: counted, secret: withSecret }, null, 2);
    generated("backup.json", info);
    // The checksum list names every file above, hashed as it went into the archive.
    const checksums = checksumsFile(await writer.hashes());
    generated(CHECKSUMS_FILE, checksums);
    if (site.backupKey) generated(SIGNATURE_FILE, sign(checksums, site.backupKey));
    await writer.finish();
    fs.chmodSync(target, 0o600);
    log(`media: ${counted.files} file(s), ${(counted.bytes / 1024 / 1024).toFixed(1)} MiB`);
    log(site.backupKey ? "signed with BACKUP_KEY" : "not signed (set BACKUP_KEY to sign backups)");
    return { manifest, media: counted, secret: withSecret };
  } catch (error) {
    if (writer) {
      await writer.abort();
      fs.rmSync(target, { force: true });
    }
    throw error;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function restoreBackup(
  site: SitePaths,
  archive: string,
  options: { force: boolean; trustUnsigned?: boolean; log?: (m: string) => void },
) {
  const log = options.log ?? (() => {});
  if (!fs.existsSync(archive)) throw new RestoreError(`No such archive: ${archive}`);
  const work = tempDir();
  try {
    // Unpacked and checked in full before anything of the site is touched.
    const hashes = await extractArchive(path.resolve(archive), work, ROOT);
    const root = path.join(work, ROOT);
    if (!fs.existsSync(path.join(root, "db", "manifest.json"))) throw new ArchiveRefused("This is not a Gazette backup: it has no db/manifest.json.");
    verifyArchive(root, hashes, { key: site.backupKey, trustUnsigned: options.trustUnsigned, log });
    const manifest = verifyDump(root, site.migrationsDir);
    const mediaTaken = countFiles(site.mediaDir).files > 0;
    // Refuse before touching anything, so a mistake leaves the site as it was.
    if (!options.force && (mediaTaken || !(await databaseIsEmpty(site.databaseUrl)))) {
      throw new RestoreError("The target site is not empty (database or media). Restore into an empty site, or pass --force to replace it (the old media folder is kept beside it).");
    }
    await restoreDatabase(site.databaseUrl, root, { force: options.force, log, migrationsDir: site.migrationsDir, appRole: site.appRole });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    if (fs.existsSync(site.mediaDir)) {
      if (mediaTaken) {
        const aside = `${site.mediaDir.replace(/\/$/, "")}.before-restore-${stamp}`;
        fs.renameSync(site.mediaDir, aside);
        log(`the previous media folder is kept in ${aside}`);
      } else fs.rmSync(site.mediaDir, { recursive: true, force: true });
    }
    fs.mkdirSync(path.dirname(path.resolve(site.mediaDir)), { recursive: true });
    // Holds only files and folders: extractArchive made every one of them itself.
    if (fs.existsSync(path.join(root, "media"))) fs.cpSync(path.join(root, "media"), site.mediaDir, { recursive: true });
    else fs.mkdirSync(site.mediaDir, { recursive: true });
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
