import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { poolConfigFromUrl } from "@/lib/db/connection";
import { disconnectDb } from "@/lib/db/client";

/**
 * Call at the top of an integration test file: the file gets its own database, cloned
 * from the migrated template, and its own DATA_DIR (media), both thrown away afterwards.
 * Returns a getter for the database URL, which connects as the app's own role, as
 * `npm start` does (adminUrlOf gives the administrator's, for backup and restore).
 */
export function setupTestDatabase(): () => string {
  const name = `test_${crypto.randomBytes(6).toString("hex")}`;
  const serverUrl = process.env.TEST_DATABASE_SERVER_URL;
  const appServerUrl = process.env.TEST_DATABASE_APP_URL;
  if (!serverUrl || !appServerUrl) throw new Error("TEST_DATABASE_SERVER_URL is not set: run the tests through vitest (test/global-setup.ts)");
  const url = appServerUrl.replace(/\/postgres$/, `/${name}`);
  const dataDir = path.join(process.env.TEST_DATA_ROOT ?? "/tmp", name);

  beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE gazette_template`));
    fs.mkdirSync(dataDir, { recursive: true });
    process.env.DATABASE_URL = url;
    process.env.DATA_DIR = path.relative(process.cwd(), dataDir);
    process.env.MEDIA_DIR = path.join(dataDir, "media");
    await disconnectDb();
  });

  afterAll(async () => {
    await disconnectDb();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  return () => url;

  async function admin(fn: (c: pg.Client) => Promise<unknown>) {
    const client = new pg.Client(poolConfigFromUrl(serverUrl!));
    await client.connect();
    try {
      await fn(client);
    } finally {
      await client.end();
    }
  }
}

/** The same test database, reached as the cluster's administrator (the embedded superuser). */
export function adminUrlOf(url: string): string {
  const name = new URL(url).pathname.slice(1);
  return process.env.TEST_DATABASE_SERVER_URL!.replace(/\/postgres$/, `/${name}`);
}
