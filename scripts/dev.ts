/**
 * npm run dev: the same server as production (scripts/server.ts), bundled afresh, with
 * Next.js in development mode (the admin reloads as you edit) and every public page
 * rendered per request. Public pages and the server itself are read at start: restart
 * `npm run dev` after changing them.
 */
import { spawn } from "node:child_process";
import { buildAppServer } from "./lib/server-bundle";
import { buildSiteAssets } from "./lib/site-assets";

const dist = process.env.NEXT_DIST_DIR || ".next";
await buildSiteAssets();
const server = await buildAppServer(dist);
const child = spawn(process.execPath, [server], { stdio: "inherit", env: { ...process.env, NODE_ENV: "development", NEXT_TELEMETRY_DISABLED: "1" } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
