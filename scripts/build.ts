/**
 * npm run build: `next build` with the database up, because the public pages that
 * have no parameters (home, sitemap, feeds) are prerendered at build time; then the
 * app server that runs it (scripts/lib/server-bundle.ts).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { prepareRuntime } from "./lib/runtime";
import { buildAppServer } from "./lib/server-bundle";
import { buildSiteAssets } from "./lib/site-assets";

process.env.NEXT_TELEMETRY_DISABLED = "1";
await buildSiteAssets();
const runtime = await prepareRuntime({ seedIfEmpty: true });
const { disconnectDb } = await import("@/lib/db/client");
await disconnectDb();
const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
await runtime.stop();
if (result.status === 0) await buildAppServer(process.env.NEXT_DIST_DIR || ".next");
process.exit(result.status ?? 1);
