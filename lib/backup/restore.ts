import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import type pg from "pg";
import { DUMP_FORMAT, connect, ident, type DumpManifest } from "./dump";

/**
 * Loads a dump made by dump.ts into an empty database (or, with `force`, one whose
 * public schema it first drops). One transaction: either the whole site is restored
 * or nothing changed.
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

/** Checks the dump's files against the manifest before anything is touched. */
export function verifyDump(dir: string): DumpManifest {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "db", "manifest.json"), "utf8")) as DumpManifest;
  if (manifest.format !== DUMP_FORMAT) throw new RestoreError(`Unknown dump format ${String(manifest.format)}.`);
  for (const table of manifest.tables) {
    const file = path.join(dir, table.file);
    if (!/^db\/data\/[\w.-]+\.ndjson$/.test(table.file) || !fs.existsSync(file)) throw new RestoreError(`Missing data file for table ${table.name}.`);
    const sha = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
    if (sha !== table.sha256) throw new RestoreError(`The data of table ${table.name} is damaged (checksum mismatch).`);
  }
  for (const name of manifest.migrations) {
    if (!fs.existsSync(path.join(dir, "db", "schema", name, "migration.sql"))) throw new RestoreError(`Missing migration ${name} in the dump.`);
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

export async function restoreDatabase(databaseUrl: string, dir: string, options: { force: boolean; log?: (m: string) => void }): Promise<void> {
  const log = options.log ?? (() => {});
  const manifest = verifyDump(dir);
  if (!options.force && !(await databaseIsEmpty(databaseUrl))) {
    throw new RestoreError("The target database is not empty. Restore into an empty database, or pass --force to replace its contents.");
  }
  const client = await connect(databaseUrl);
  try {
    await client.query("BEGIN");
    if (options.force) await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
    await client.query(PRISMA_MIGRATIONS_DDL);
    for (const name of manifest.migrations) {
      // The simple query protocol runs a whole migration script, functions with semicolons included.
      await client.query(fs.readFileSync(path.join(dir, "db", "schema", name, "migration.sql"), "utf8"));
    }
    log(`schema: ${manifest.migrations.length} migration(s) replayed`);
    const foreignKeys = await dropForeignKeys(client);
    const tables = manifest.tables.map((t) => t.name);
    // Migrations may insert default rows (e.g. a word list): the dump's rows replace them.
    if (tables.length) await client.query(`TRUNCATE ${tables.map(ident).join(", ")}`);
    for (const table of manifest.tables) {
      await client.query(`ALTER TABLE ${ident(table.name)} DISABLE TRIGGER USER`);
      const loaded = await loadTable(client, table.name, path.join(dir, table.file));
      await client.query(`ALTER TABLE ${ident(table.name)} ENABLE TRIGGER USER`);
      if (loaded !== table.rows) throw new RestoreError(`Table ${table.name}: expected ${table.rows} rows, loaded ${loaded}.`);
    }
    log(`data: ${manifest.tables.reduce((n, t) => n + t.rows, 0)} row(s) in ${manifest.tables.length} table(s)`);
    // Re-adding the foreign keys checks every reference in the restored data.
    for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${ident(fk.name)} ${fk.definition}`);
    for (const seq of manifest.sequences) await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [ident(seq.name), seq.value, seq.isCalled]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
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
    [ident(table)],
  );
  const list = columns.map((c: { attname: string }) => ident(c.attname)).join(", ");
  const insert = `INSERT INTO ${ident(table)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`;
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
