/**
 * npm run static:export [-- --only /articles/1,/]: writes the static snapshot of every
 * public page (or the listed paths) under $DATA_DIR/static, from the running server at
 * PORT — what publishing does page by page, for a first full snapshot or a rebuild.
 */
import { prepareRuntime } from "./lib/runtime";

const only = process.argv.indexOf("--only");
const runtime = await prepareRuntime();
const { snapshotPaths } = await import("@/lib/static/snapshot");
const { everyPublicPage } = await import("@/lib/static/queue");
const { disconnectDb } = await import("@/lib/db/client");
const paths = only >= 0 ? process.argv[only + 1].split(",") : await everyPublicPage();
const started = Date.now();
const CONCURRENCY = 4;
for (let i = 0; i < paths.length; i += CONCURRENCY) await Promise.all(paths.slice(i, i + CONCURRENCY).map((p) => snapshotPaths([p])));
console.log(`[static] wrote ${paths.length} page(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await disconnectDb();
await runtime.stop();
