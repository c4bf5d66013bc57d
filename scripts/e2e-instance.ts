/**
 * One server the Playwright journeys run against (started by scripts/e2e-server.ts, on
 * the build it made): a fresh data folder and embedded database on their own ports, the
 * demo content, and one account per role. It writes what a journey needs to reach its
 * database or start a second instance on it (database, data folder, secret) to
 * test-results/e2e-runtime-<port>.json. Stops everything on SIGTERM.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { accounts } from "../e2e/helpers/accounts";
import { E2E_DIST_DIR } from "../e2e/helpers/ports";

const port = process.env.E2E_PORT || "3210";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-e2e-"));
fs.chmodSync(dataDir, 0o755);
process.env.DATA_DIR = path.relative(process.cwd(), dataDir);
process.env.EMBEDDED_PG_PORT = String(56000 + Math.floor(Math.random() * 2000));
delete process.env.DATABASE_URL;

const { prepareRuntime } = await import("./lib/runtime");
// The demo content first: the journeys' accounts (e2e/fixtures/accounts.ts) are given its columns.
const runtime = await prepareRuntime({ seedIfEmpty: true });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: runtime.databaseUrl,
  PORT: port,
  NEXT_DIST_DIR: E2E_DIST_DIR,
  SITE_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  // The first admin (lib/users/bootstrap.ts): the password must meet the policy, so not contain "admin".
  ADMIN_EMAIL: accounts.admin.email,
  ADMIN_PASSWORD: accounts.admin.password,
  HOSTNAME_BIND: "127.0.0.1",
  NEXT_TELEMETRY_DISABLED: "1",
  // The scheduler's heartbeat every second: journeys wait for it to publish what is due.
  SCHEDULER_INTERVAL_MS: "1000",
};
const runtimeFile = path.join("test-results", `e2e-runtime-${port}.json`);
fs.mkdirSync("test-results", { recursive: true });
fs.writeFileSync(
  runtimeFile,
  JSON.stringify({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, distDir: env.NEXT_DIST_DIR, secret: env.NEXTAUTH_SECRET, port }),
  { mode: 0o600 },
);

const tsx = path.join("node_modules", ".bin", "tsx");
async function finish(code: number): Promise<never> {
  await runtime.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(runtimeFile, { force: true });
  process.exit(code);
}
const accountsCreated = spawnSync(tsx, ["e2e/fixtures/accounts.ts"], { stdio: "inherit", env });
if (accountsCreated.status !== 0) await finish(accountsCreated.status ?? 1);

// As `npm start` runs it (package.json), without npm in between.
const server = spawn(process.execPath, ["--max-old-space-size=256", "scripts/start.mjs"], { stdio: "inherit", env });
process.on("SIGTERM", () => server.kill("SIGTERM"));
process.on("SIGINT", () => server.kill("SIGINT"));
server.on("exit", (code) => void finish(code ?? 0));
