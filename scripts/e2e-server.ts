/**
 * The server the Playwright journeys run against: a fresh data folder (embedded
 * database, media) on its own ports, a production build in its own dist folder,
 * the demo content, and one account per role. Stops everything on SIGTERM.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const port = process.env.E2E_PORT || "3210";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-e2e-"));
fs.chmodSync(dataDir, 0o755);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: path.relative(process.cwd(), dataDir),
  PORT: port,
  EMBEDDED_PG_PORT: String(56000 + Math.floor(Math.random() * 2000)),
  NEXT_DIST_DIR: process.env.E2E_DIST_DIR || ".next-e2e",
  SITE_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  ADMIN_EMAIL: "admin@e2e.test",
  ADMIN_PASSWORD: "E2e-Admin-Passw0rd!",
  HOSTNAME_BIND: "127.0.0.1",
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.DATABASE_URL;

const tsx = path.join("node_modules", ".bin", "tsx");
const step = (args: string[]) => {
  const result = spawnSync(tsx, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
step(["scripts/build.ts"]);
step(["e2e/fixtures/accounts.ts"]);

const server = spawn(tsx, ["scripts/serve.ts", "start"], { stdio: "inherit", env });
const stop = (signal: NodeJS.Signals) => server.kill(signal);
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
server.on("exit", (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
