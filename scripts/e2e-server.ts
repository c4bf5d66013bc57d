/**
 * What Playwright starts before the journeys (playwright.config.ts): one production build
 * in its own dist folder, made as a CI runner or a Docker build makes it (no database, no
 * site address), then one instance per line of journeys (scripts/e2e-instance.ts), each
 * with its own port, data folder and embedded database, so that the lines never see each
 * other's changes. Stops them all on SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { E2E_DIST_DIR, E2E_INSTANCE_PORTS } from "../e2e/helpers/ports";

const tsx = path.join("node_modules", ".bin", "tsx");
const { DATABASE_URL: _database, DATABASE_ADMIN_URL: _admin, ...buildEnv } = process.env;
const build = spawnSync(tsx, ["scripts/build.ts"], { stdio: "inherit", env: { ...buildEnv, NEXT_DIST_DIR: E2E_DIST_DIR } });
if (build.status !== 0) process.exit(build.status ?? 1);

const instances: ChildProcess[] = E2E_INSTANCE_PORTS.map((port) =>
  spawn(tsx, ["scripts/e2e-instance.ts"], { stdio: "inherit", env: { ...process.env, E2E_PORT: String(port) } }),
);
let stopping = false;
const stopAll = (signal: NodeJS.Signals) => {
  stopping = true;
  for (const child of instances) child.kill(signal);
};
process.on("SIGTERM", () => stopAll("SIGTERM"));
process.on("SIGINT", () => stopAll("SIGINT"));
// One instance gone is the end of the run: stop the others, and leave when all have.
let running = instances.length;
let failed = 0;
for (const child of instances) {
  child.on("exit", (code) => {
    if (code) failed = code;
    if (!stopping) stopAll("SIGTERM");
    if (--running === 0) process.exit(failed);
  });
}
