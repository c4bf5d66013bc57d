/**
 * npm run backup [-- --out <file>]        one .tar.gz: database dump + media (+ generated secret)
 * npm run restore -- <file> [--force] [--trust-unsigned]
 *                                         into an empty site; --force replaces the current one
 *
 * Works on the embedded database (DATA_DIR) or DATABASE_URL (DATABASE_ADMIN_URL when
 * set: a restore replaces the audit log, which the app's own role cannot). Stop Gazette
 * before a restore; a backup can be taken while it runs (one consistent snapshot).
 * With BACKUP_KEY set, backups are signed and restore accepts only archives signed with
 * it, unless --trust-unsigned.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { dataDirPath, prepareRuntime } from "./lib/runtime";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { out: { type: "string" }, force: { type: "boolean", default: false }, "trust-unsigned": { type: "boolean", default: false } },
});
const [command, file] = positionals;
if ((command !== "backup" && command !== "restore") || (command === "restore" && !file)) {
  console.error("usage: npm run backup [-- --out <file>]\n       npm run restore -- <file> [--force] [--trust-unsigned]");
  process.exit(2);
}

const backupKey = process.env.BACKUP_KEY || undefined;
if (backupKey && backupKey.length < 32) {
  console.error("[gazette] BACKUP_KEY must be at least 32 characters (e.g. `openssl rand -base64 32`).");
  process.exit(2);
}

const log = (m: string) => console.log(`[gazette] ${m}`);
// Whether the secret is the operator's (environment) or Gazette's own file must be known before the runtime fills it in.
const secretFromEnv = !!process.env.NEXTAUTH_SECRET;
const runtime = await prepareRuntime({ migrate: command === "backup" });
const { createBackup, restoreBackup } = await import("@/lib/backup/archive");
const site = {
  databaseUrl: runtime.adminUrl,
  appRole: runtime.appRole,
  backupKey,
  mediaDir: process.env.MEDIA_DIR || dataDirPath("media"),
  secretFile: dataDirPath("nextauth-secret"),
  secretFromEnv,
  migrationsDir: path.join(process.cwd(), "prisma", "migrations"),
};
let code = 0;
try {
  if (command === "backup") {
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
    const out = values.out ?? path.join(dataDirPath("backups"), `gazette-${stamp}.tar.gz`);
    await createBackup(site, out, log);
    log(`backup written to ${out} (mode 600: it holds password hashes and secrets)`);
  } else {
    await restoreBackup(site, file!, { force: values.force ?? false, trustUnsigned: values["trust-unsigned"] ?? false, log });
    log("restore complete: start Gazette (npm start); it applies any newer migrations.");
  }
} catch (error) {
  console.error(`[gazette] ${command} failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await runtime.stop();
}
process.exit(code);
