/**
 * npm start / npm run dev: prepares the database (embedded unless DATABASE_URL is set),
 * creates the first admin, then runs the app server (scripts/server.ts: Next.js behind
 * a small Node.js front) and stops the database when it stops.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { prepareRuntime } from "./lib/runtime";
import { APP_SERVER_FILE } from "./lib/server-bundle";

const mode = process.argv[2] === "dev" ? "dev" : "start";
process.env.NEXT_TELEMETRY_DISABLED = "1";

// Production runs the app server `npm run build` bundled; development runs its source.
const appServer = mode === "dev" ? ["--import", "tsx", path.join("scripts", "server.ts")] : [path.join(process.env.NEXT_DIST_DIR || ".next", APP_SERVER_FILE)];
if (mode === "start" && !fs.existsSync(appServer[0])) {
  console.error(`[gazette] ${appServer[0]} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

// The public site's script: `npm run build` makes it; dev rebuilds it on every start.
if (mode === "dev" || !fs.existsSync(path.join("public", "site.js")) || !fs.existsSync(path.join("public", "site.css"))) await (await import("./lib/site-assets")).buildSiteAssets();

const runtime = await prepareRuntime({ seedIfEmpty: true });
const { ensureAdmin } = await import("@/lib/users/bootstrap");
try {
  await ensureAdmin();
} catch (error) {
  // A weak ADMIN_PASSWORD: say which rule, without a stack trace, and stop.
  console.error(`[gazette] ${(error as Error).message}`);
  await runtime.stop();
  process.exit(1);
}
const { disconnectDb } = await import("@/lib/db/client");
await disconnectDb();

const port = process.env.PORT || "3000";
const hostname = process.env.HOSTNAME_BIND || "0.0.0.0";
// A bounded heap for the production server: V8 otherwise grows it lazily under load
// (~500 MB resident at 32 connections) where 256 MB serves the same load at the same
// speed (npm run bench). The dev server compiles in-process and keeps Node's default.
const heapMb = Number(process.env.GAZETTE_HEAP_MB || 256);
const nodeOptions =
  mode === "dev" || /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "")
    ? process.env.NODE_OPTIONS
    : `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${heapMb}`.trim();
const child = spawn(process.execPath, appServer, {
  stdio: "inherit",
  // PORT is passed on so that the server can call itself (scheduler heartbeat, cache refreshes).
  env: { ...process.env, PORT: port, HOSTNAME_BIND: hostname, NODE_ENV: mode === "dev" ? "development" : "production", NODE_OPTIONS: nodeOptions },
});
console.log(`[gazette] serving http://localhost:${port}`);

let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) child.kill(signal);
  await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
  await runtime.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
child.on("exit", async (code) => {
  if (stopping) return;
  await runtime.stop();
  process.exit(code ?? 1);
});
