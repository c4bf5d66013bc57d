import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import type pg from "pg";
import { grantToAppRole } from "@/lib/db/roles";
import { DUMP_FORMAT, connect, ident, type DumpManifest } from "./dump";

/**
 * Loads a dump made by dump.ts into an empty database (or, with `force`, one whose
 * public schema it first drops). One transaction: either the whole site is restored
 * or nothing changed. It runs as the database's administrator (the embedded cluster's
 * superuser, or the role that runs migrations): a restore replaces the audit log too,
 * which the app's own role cannot touch (lib/db/roles.ts).
 */
const BATCH_BYTES = 4 * 1024 * 1024;

/** Prisma's own bookkeeping table, which no migration creates. */
const PRISMA_MIGRATIONS_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class RestoreError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MIGRATION = /^\d{14}_[a-z0-9_]+$/;

/** The public schema's object, quoted: never resolved through search_path (pg_catalog comes first there). */
const qualified = (name: string) => `public.${ident(name)}`;

function shippedMigrations(migrationsDir: string): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(migrationsDir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/**
 * Checks the dump's manifest and files before anything is touched: known format,
 * plain table names, data files that match their checksums, and only migrations this
 * version ships (their SQL is then read from `migrationsDir`, never from the archive).
 */
export function verifyDump(dir: string, migrationsDir: string): DumpManifest {
  let manifest: DumpManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, "db", "manifest.json"), "utf8")) as DumpManifest;
  } catch {
    throw new RestoreError("The archive's db/manifest.json cannot be read.");
  }
  if (manifest.format !== DUMP_FORMAT) throw new RestoreError(`Unknown dump format ${String(manifest.format)}.`);
  if (!Array.isArray(manifest.tables) || !Array.isArray(manifest.migrations) || !Array.isArray(manifest.sequences)) throw new RestoreError("The archive's db/manifest.json is incomplete.");
  for (const table of manifest.tables) {
    if (!NAME.test(table.name)) throw new RestoreError(`The dump names a table ${JSON.stringify(table.name)}, which Gazette does not have.`);
    const file = path.join(dir, table.file);
    if (table.file !== `db/data/${table.name}.ndjson` || !fs.existsSync(file)) throw new RestoreError(`Missing data file for table ${table.name}.`);
    const sha = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
    if (sha !== table.sha256) throw new RestoreError(`The data of table ${table.name} is damaged (checksum mismatch).`);
  }
  for (const seq of manifest.sequences) {
    if (!NAME.test(seq.name) || !/^-?\d+$/.test(String(seq.value))) throw new RestoreError(`The dump names a sequence ${JSON.stringify(seq.name)}, which Gazette does not have.`);
  }
  const shipped = new Set(shippedMigrations(migrationsDir));
  const unknown = manifest.migrations.filter((name) => typeof name !== "string" || !MIGRATION.test(name) || !shipped.has(name));
  if (unknown.length) {
    throw new RestoreError(
      `This backup was made by a newer version of Gazette: its database has migration(s) ${unknown.join(", ")}, which this version does not ship. ` +
        "Restore it with the Gazette version that made it (or a newer one); nothing was changed.",
    );
  }
  return manifest;
}

export async function databaseIsEmpty(databaseUrl: string): Promise<boolean> {
  const client = await connect(databaseUrl);
  try {
    const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}

export async function restoreDatabase(
  databaseUrl: string,
  dir: string,
  options: { force: boolean; migrationsDir: string; appRole?: string; log?: (m: string) => void },
): Promise<void> {
  const log = options.log ?? (() => {});
  const manifest = verifyDump(dir, options.migrationsDir);
  if (!options.force && !(await databaseIsEmpty(databaseUrl))) {
    throw new RestoreError("The target database is not empty. Restore into an empty database, or pass --force to replace its contents.");
  }
  const client = await connect(databaseUrl);
  try {
    await client.query("BEGIN");
    if (options.force) await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
    await client.query(PRISMA_MIGRATIONS_DDL);
    // This version's own SQL, in its own order: the archive only says which ones ran.
    const migrations = [...manifest.migrations].sort();
    for (const name of migrations) {
      // The simple query protocol runs a whole migration script, functions with semicolons included.
      await client.query(fs.readFileSync(path.join(options.migrationsDir, name, "migration.sql"), "utf8"));
    }
    log(`schema: ${migrations.length} migration(s) replayed`);
    await expectObjects(client, "r", manifest.tables.map((t) => t.name), "table");
    await expectObjects(client, "S", manifest.sequences.map((s) => s.name), "sequence");
    const foreignKeys = await dropForeignKeys(client);
    const tables = manifest.tables.map((t) => qualified(t.name));
    // Triggers off while loading (the audit log's refuse TRUNCATE and rewrites): the rows are the backup's, as they were.
    for (const table of tables) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    // Migrations may insert default rows (e.g. a word list): the dump's rows replace them.
    if (tables.length) await client.query(`TRUNCATE ${tables.join(", ")}`);
    for (const table of manifest.tables) {
      const loaded = await loadTable(client, table.name, path.join(dir, table.file));
      if (loaded !== table.rows) throw new RestoreError(`Table ${table.name}: expected ${table.rows} rows, loaded ${loaded}.`);
    }
    for (const table of tables) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    log(`data: ${manifest.tables.reduce((n, t) => n + t.rows, 0)} row(s) in ${manifest.tables.length} table(s)`);
    await expectMigrationRecords(client, migrations);
    // Re-adding the foreign keys checks every reference in the restored data.
    for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${ident(fk.name)} ${fk.definition}`);
    for (const seq of manifest.sequences) await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [qualified(seq.name), seq.value, seq.isCalled === true]);
    if (options.appRole) await grantToAppRole(client, options.appRole);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** Every table (or sequence) the dump names must be one the replayed migrations made. */
async function expectObjects(client: pg.Client, kind: "r" | "S", names: string[], what: string) {
  const { rows } = await client.query(`SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = $1`, [kind]);
  const present = new Set(rows.map((r: { relname: string }) => r.relname));
  const missing = names.filter((n) => !present.has(n));
  if (missing.length) throw new RestoreError(`The dump names ${what}(s) ${missing.join(", ")}, which its migrations do not create.`);
}

/** The restored migration records must say exactly what was replayed, or the next start would skip or repeat some. */
async function expectMigrationRecords(client: pg.Client, migrations: string[]) {
  const { rows } = await client.query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  const recorded = rows.map((r: { migration_name: string }) => r.migration_name);
  if (recorded.join("\n") !== migrations.join("\n")) throw new RestoreError("The dump's migration records do not match its list of migrations: the archive is damaged.");
}

async function dropForeignKeys(client: pg.Client) {
  const { rows } = await client.query(`
    SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS definition
    FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY conname`);
  for (const fk of rows) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${ident(fk.name)}`);
  return rows as { table: string; name: string; definition: string }[];
}

async function loadTable(client: pg.Client, table: string, file: string): Promise<number> {
  // Generated columns are computed by the database again; every other column is copied.
  const { rows: columns } = await client.query(
    `SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [qualified(table)],
  );
  const list = columns.map((c: { attname: string }) => ident(c.attname)).join(", ");
  const insert = `INSERT INTO ${qualified(table)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${qualified(table)}, $1::json)`;
  let batch: string[] = [];
  let bytes = 0;
  let count = 0;
  const flush = async () => {
    if (!batch.length) return;
    await client.query(insert, [`[${batch.join(",")}]`]);
    count += batch.length;
    batch = [];
    bytes = 0;
  };
  const lines = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    bytes += line.length;
    if (bytes >= BATCH_BYTES) await flush();
  }
  await flush();
  return count;
}
