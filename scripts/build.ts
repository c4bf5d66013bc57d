/**
 * npm run build: the public site's script and style sheet (public/site.js, site.css),
 * `next build` for the admin and the API, and the server that runs them all
 * (scripts/lib/server-bundle.ts). No database needed: every page that reads data is
 * rendered at run time.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildAppServer } from "./lib/server-bundle";
import { buildSiteAssets } from "./lib/site-assets";

process.env.NEXT_TELEMETRY_DISABLED = "1";
await buildSiteAssets();
const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
if (result.status === 0) await buildAppServer(process.env.NEXT_DIST_DIR || ".next");
process.exit(result.status ?? 1);
