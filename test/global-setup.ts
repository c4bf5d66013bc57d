import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { poolConfigFromUrl } from "../lib/db/connection";
import { startEmbeddedPostgres, type EmbeddedHandle } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { APP_ROLE, prepareAppRole } from "../lib/db/roles";

/**
 * One throwaway PostgreSQL cluster for the whole Vitest run: a temp folder, its own
 * port, fsync off. Migrations are applied once to a template database; each
 * integration test file clones it (test/db.ts), so files never see each other's rows,
 * and connects as the app's own role (TEST_DATABASE_APP_URL), as the app does.
 */
let server: EmbeddedHandle | undefined;
let dir: string | undefined;

export default async function setup() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-test-"));
  fs.chmodSync(dir, 0o755); // postgres runs as its own user when we are root
  server = await startEmbeddedPostgres({
    dir: path.join(dir, "postgres"),
    port: 55000 + Math.floor(Math.random() * 2000),
    database: "gazette_template",
    settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off" },
    log: () => {},
  });
  // As `npm start` prepares its database: migrations as the administrator, then the tables to the app's role.
  await migrate(server.adminUrl, () => {});
  await prepareAppRole(server.adminUrl, APP_ROLE);
  // A template must have no open connections when it is cloned.
  const admin = new pg.Client(poolConfigFromUrl(server.adminUrl.replace(/\/gazette_template$/, "/postgres")));
  await admin.connect();
  await admin.query("UPDATE pg_database SET datistemplate = true WHERE datname = 'gazette_template'");
  await admin.end();
  process.env.TEST_DATABASE_SERVER_URL = server.adminUrl.replace(/\/gazette_template$/, "/postgres");
  process.env.TEST_DATABASE_APP_URL = server.url.replace(/\/gazette_template$/, "/postgres");
  process.env.TEST_DATA_ROOT = dir;

  return async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}
