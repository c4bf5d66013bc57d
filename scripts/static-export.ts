/**
 * npm run static:export [-- --only /articles/1,/]: writes the static snapshot of every
 * public page (or the listed paths) under $DATA_DIR/static, rendered here by the same
 * functions the app server uses (lib/site/render.ts) — what publishing does page by
 * page, for a first full snapshot or a rebuild. The server need not run.
 */
import { prepareRuntime } from "./lib/runtime";

const only = process.argv.indexOf("--only");
const runtime = await prepareRuntime();
const { copySiteAssets, snapshotPath } = await import("@/lib/static/snapshot");
const { everyPublicPage } = await import("@/lib/static/queue");
const { renderPath } = await import("@/lib/server/public-site");
const { disconnectDb } = await import("@/lib/db/client");
const paths = only >= 0 ? process.argv[only + 1].split(",") : await everyPublicPage();
const started = Date.now();
const CONCURRENCY = 4;
await copySiteAssets();
let failed = 0;
for (let i = 0; i < paths.length; i += CONCURRENCY) {
  const results = await Promise.all(paths.slice(i, i + CONCURRENCY).map((p) => snapshotPath(p, renderPath)));
  failed += results.filter((ok) => !ok).length;
}
console.log(`[static] wrote ${paths.length - failed} page(s) in ${((Date.now() - started) / 1000).toFixed(1)} s${failed ? `; ${failed} failed (see above)` : ""}`);
await disconnectDb();
await runtime.stop();
process.exit(failed ? 1 : 0);
