import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { poolConfigFromUrl } from "@/lib/db/connection";

/**
 * A logical dump of Gazette's database that needs no pg_dump (Debian's is older than
 * the embedded PostgreSQL 18 and refuses newer servers): the schema is the list of
 * applied migrations (by name: restore runs its own copy of their SQL, never SQL from
 * an archive), the data is every table's rows as JSON lines, read in one REPEATABLE
 * READ snapshot — consistent like pg_dump's — and the sequences' positions. Restore
 * (restore.ts) replays those migrations, loads the rows through json_populate_recordset
 * (PostgreSQL converts every type itself) and checks every foreign key at the end.
 */
export const DUMP_FORMAT = "gazette-dump/1";
const BATCH = 2000;

export interface TableDump {
  name: string;
  rows: number;
  file: string;
  sha256: string;
}

export interface DumpManifest {
  format: typeof DUMP_FORMAT;
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  tables: TableDump[];
  sequences: { name: string; value: string; isCalled: boolean }[];
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client(poolConfigFromUrl(databaseUrl));
  await client.connect();
  return client;
}

/** Writes the dump into `dir` (db/schema, db/data) and returns its manifest. */
export async function dumpDatabase(databaseUrl: string, dir: string, migrationsDir: string): Promise<DumpManifest> {
  const client = await connect(databaseUrl);
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const version = (await client.query("SHOW server_version")).rows[0].server_version as string;
    const migrations = (
      await client.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name")
    ).rows.map((r: { migration_name: string }) => r.migration_name);
    for (const name of migrations) {
      if (!fs.existsSync(path.join(migrationsDir, name, "migration.sql"))) throw new Error(`The database has migration ${name}, which this copy of Gazette does not know: back up with the Gazette version that runs this database.`);
    }
    const tableNames = (
      await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    ).rows.map((r: { tablename: string }) => r.tablename);
    fs.mkdirSync(path.join(dir, "db", "data"), { recursive: true });
    const tables: TableDump[] = [];
    for (const name of tableNames) tables.push(await dumpTable(client, name, dir));
    const sequences = [];
    for (const { sequencename } of (await client.query("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename")).rows) {
      const row = (await client.query(`SELECT last_value::text AS value, is_called FROM ${ident(sequencename)}`)).rows[0];
      sequences.push({ name: sequencename as string, value: row.value as string, isCalled: row.is_called as boolean });
    }
    await client.query("COMMIT");
    return { format: DUMP_FORMAT, createdAt: new Date().toISOString(), serverVersion: version, migrations, tables, sequences };
  } finally {
    await client.end();
  }
}

async function dumpTable(client: pg.Client, name: string, dir: string): Promise<TableDump> {
  const file = path.join("db", "data", `${name}.ndjson`);
  const out = fs.openSync(path.join(dir, file), "w", 0o600);
  const hash = crypto.createHash("sha256");
  let rows = 0;
  try {
    await client.query(`DECLARE dump_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS line FROM ${ident(name)} t`);
    for (;;) {
      const batch = await client.query(`FETCH ${BATCH} FROM dump_cursor`);
      if (batch.rows.length === 0) break;
      const text = batch.rows.map((r: { line: string }) => r.line + "\n").join("");
      fs.writeSync(out, text);
      hash.update(text);
      rows += batch.rows.length;
    }
    await client.query("CLOSE dump_cursor");
  } finally {
    fs.closeSync(out);
  }
  return { name, rows, file, sha256: hash.digest("hex") };
}
