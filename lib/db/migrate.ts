import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { poolConfigFromUrl } from "./connection";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** Migration folders not yet recorded as applied in `_prisma_migrations`. */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const all = fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const client = new pg.Client(poolConfigFromUrl(databaseUrl));
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('_prisma_migrations') AS t");
    if (!table.rows[0].t) return all;
    const done = await client.query(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(done.rows.map((r: { migration_name: string }) => r.migration_name));
    return all.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations with `prisma migrate deploy`. The check comes first
 * because the CLI's wasm engine keeps it alive ~10 s after it finishes.
 */
export async function migrate(databaseUrl: string, log: (m: string) => void = console.log): Promise<void> {
  const pending = await pendingMigrations(databaseUrl);
  if (pending.length === 0) return;
  log(`applying ${pending.length} migration(s): ${pending.join(", ")}`);
  const cli = path.join(process.cwd(), "node_modules", "prisma", "build", "index.js");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
      // Done: no need to wait for the engine's idle timer.
      if (output.includes("successfully applied")) {
        child.kill("SIGTERM");
        resolve();
      }
    });
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`)),
    );
  });
}
