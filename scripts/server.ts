/**
 * One Gazette instance: `npm start` runs it as <distDir>/gazette-server.mjs (bundled by
 * `npm run build`: plain JavaScript, nothing compiled at run time), `npm run dev` the
 * same way. In one process:
 *  1. the database — embedded under $DATA_DIR unless DATABASE_URL is set — migrated,
 *     with the demo content when empty and the first admin account;
 *  2. a Node.js HTTP server (Next.js's documented custom server) that answers the public
 *     site itself (lib/server/public-site.ts: the routes of lib/site/routes.ts, from the
 *     page cache or rendered by lib/site/render.ts) and the view beacon, and hands every
 *     other request — the admin, the API, media, previews — to Next.js;
 *  3. the changes every instance announces (lib/cache/bus.ts): each drops what it names
 *     from the page cache and writes the static snapshot's queued pages at once;
 *  4. the scheduler's heartbeat (lib/workflow/heartbeat.ts).
 * docs/architecture.md draws it.
 */
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import next from "next";
import { listenForChanges } from "@/lib/cache/bus";
import { PageCache } from "@/lib/cache/page-cache";
import { env } from "@/lib/env";
import { pruneOtherBuilds } from "@/lib/export/download-cache";
import { parseTrustedProxies } from "@/lib/security/client-ip";
import { stampClientIp } from "@/lib/server/client-address";
import { createPublicSite } from "@/lib/server/public-site";
import { RenderGate } from "@/lib/server/render-gate";
import { isViewBeacon, serveViewBeacon } from "@/lib/server/view-beacon";
import { drainStaticQueue } from "@/lib/static/queue";
import { copySiteAssets, snapshotPath } from "@/lib/static/snapshot";
import { ensureAdmin } from "@/lib/users/bootstrap";
import { startScheduler } from "@/lib/workflow/heartbeat";
import { prepareRuntime } from "./lib/runtime";

process.title = "gazette-server";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME_BIND || "0.0.0.0";
const log = (message: string) => console.log(`[gazette] ${message}`);

// 1. The database.
const runtime = await prepareRuntime({ seedIfEmpty: true });
try {
  await ensureAdmin();
} catch (error) {
  // A weak ADMIN_PASSWORD: say which rule, without a stack trace, and stop.
  console.error(`[gazette] ${(error as Error).message}`);
  await runtime.stop();
  process.exit(1);
}
// Whose X-Forwarded-For to believe (lib/security/client-ip.ts); a bad entry stops the start here.
const trustedProxies = parseTrustedProxies(env().TRUSTED_PROXIES);

// 2. The public site. In development every request renders afresh: nothing to keep.
const pageCacheMb = Number(process.env.GAZETTE_PAGE_CACHE_MB ?? 32);
const cache = dev || !(pageCacheMb > 0) ? null : new PageCache({ maxBytes: pageCacheMb * 1024 * 1024, ttlMs: 10 * 60_000 });
// Search pages in a budget of their own: endless distinct queries never push reading pages out.
const searchCacheMb = Number(process.env.GAZETTE_SEARCH_CACHE_MB ?? 8);
const searchCache = dev || !(searchCacheMb > 0) ? null : new PageCache({ maxBytes: searchCacheMb * 1024 * 1024, ttlMs: 10 * 60_000 });
const caches = [cache, searchCache].filter((c): c is PageCache => c !== null);
// Public renders at once (lib/server/render-gate.ts): twice the cores by default.
const renderConcurrency = Number(process.env.GAZETTE_RENDER_CONCURRENCY) || 2 * availableParallelism();
const gate = dev ? null : new RenderGate({ concurrency: renderConcurrency, maxQueue: 32 * renderConcurrency });
const site = createPublicSite({ cache, searchCache, gate });
const writeStaticPage = (path: string) => snapshotPath(path, site.renderPath);

// 3. Changes, from this instance and the others: drop, then write the snapshot's queued pages.
let draining: Promise<void> | null = null;
let drainAgain = false;
function drainSnapshotQueue(): void {
  if (draining) {
    drainAgain = true;
    return;
  }
  draining = drainStaticQueue({ budgetMs: 5_000, write: writeStaticPage })
    .then(() => undefined, (error) => console.warn("[static] queue not drained:", (error as Error).message))
    .finally(() => {
      draining = null;
      if (drainAgain) {
        drainAgain = false;
        drainSnapshotQueue();
      }
    });
}
const stopListening = listenForChanges({
  databaseUrl: runtime.databaseUrl,
  onChange: (change) => {
    for (const c of caches) c.drop(change);
    drainSnapshotQueue();
  },
  // Cut off from the database: changes announced meanwhile never came.
  onReconnect: () => {
    for (const c of caches) c.clear();
  },
});
await copySiteAssets().catch((error) => console.warn("[static] site files not copied:", error));
// Downloads rendered by an earlier build would differ from this one's.
await pruneOtherBuilds().catch((error) => console.warn("[downloads] old files not removed:", error));
const stopScheduler = process.env.GAZETTE_SCHEDULER === "off" ? () => {} : startScheduler(writeStaticPage);

// 4. Next.js, for everything else.
const server = createServer();
// Given the server, Next.js attaches its own WebSocket handling to it (the development server's reloads).
const app = next({ dev, hostname, port, dir: process.cwd(), httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();

server.on("request", (req, res) => {
  if (isViewBeacon(req)) return void serveViewBeacon(req, res);
  if (site(req, res)) return;
  // Everything below reaches Next.js: it learns the client's address from us only.
  stampClientIp(req, trustedProxies);
  void handle(req, res);
});
server.listen(port, hostname, () => log(`serving http://localhost:${port}`));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  stopScheduler();
  server.close();
  server.closeAllConnections();
  await Promise.allSettled([app.close(), stopListening(), draining]);
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb().catch(() => {});
  await runtime.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
