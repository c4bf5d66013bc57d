import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { embeddedMemoryFromEnv } from "@/lib/db/memory";
import { migrate } from "@/lib/db/migrate";
import { describeConnectedRole, prepareAppRole } from "@/lib/db/roles";

/**
 * What every entry point (start, build, seed, tests, bench) does before Gazette can
 * run: find or start the database, apply migrations, and make sure the secrets exist.
 */
export interface Runtime {
  /** What the app connects as: its own role (embedded), or DATABASE_URL. */
  databaseUrl: string;
  /** What migrations, backups and restores connect as: the embedded superuser, DATABASE_ADMIN_URL, or DATABASE_URL. */
  adminUrl: string;
  /** The app's role when it differs from the administrator (its tables are handed to it after migrations and restores). */
  appRole?: string;
  stop(): Promise<void>;
}

const log = (m: string) => console.log(`[gazette] ${m}`);

export function dataDirPath(...parts: string[]) {
  return path.resolve(process.cwd(), process.env.DATA_DIR || "data", ...parts);
}

export async function prepareRuntime(options: { seedIfEmpty?: boolean; migrate?: boolean } = {}): Promise<Runtime> {
  fs.mkdirSync(dataDirPath(), { recursive: true });
  let databaseUrl = process.env.DATABASE_URL;
  let adminUrl = process.env.DATABASE_ADMIN_URL || databaseUrl;
  let stop = async () => {};
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres({
      dir: dataDirPath("postgres"),
      port: Number(process.env.EMBEDDED_PG_PORT || 54329),
      database: "gazette",
      settings: embeddedMemoryFromEnv(process.env.EMBEDDED_PG_MEMORY_MB),
      log: (m) => log(`postgres: ${m}`),
    });
    databaseUrl = embedded.url;
    adminUrl = embedded.adminUrl;
    stop = embedded.stop;
  }
  const appRole = decodeURIComponent(new URL(databaseUrl).username);
  const separateAdmin = decodeURIComponent(new URL(adminUrl!).username) !== appRole;
  process.env.DATABASE_URL = databaseUrl;
  try {
    // `npm run restore` replays the backup's migrations into an empty database itself.
    if (options.migrate !== false) await migrate(adminUrl!, log);
    if (separateAdmin) await prepareAppRole(adminUrl!, appRole);
    else for (const warning of await describeConnectedRole(databaseUrl)) log(warning);
    if (options.seedIfEmpty) {
      const { db } = await import("@/lib/db/client");
      if ((await db().column.count()) === 0) {
        log("empty database: adding the demo content (this takes a few seconds)");
        const { seed } = await import("@/lib/seed/seed");
        await seed(log);
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  ensureAuthSecret();
  return { databaseUrl, adminUrl: adminUrl!, appRole: separateAdmin ? appRole : undefined, stop };
}

/** NEXTAUTH_SECRET: from the environment, or generated once and kept in $DATA_DIR (mode 600). */
export function ensureAuthSecret() {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = dataDirPath("nextauth-secret");
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, crypto.randomBytes(48).toString("base64url") + "\n", { mode: 0o600 });
    log(`generated the session secret in ${path.relative(process.cwd(), file)}`);
  }
  fs.chmodSync(file, 0o600);
  process.env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
