/**
 * The app server one instance runs (started by scripts/serve.ts, which owns the
 * database): Next.js behind a plain Node.js HTTP server that answers the two busiest
 * requests itself — reading pages it holds in memory (lib/server/page-cache.ts) and the
 * view beacon (lib/server/view-beacon.ts). Everything else goes to Next.js unchanged.
 */
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import next from "next";
import { env } from "@/lib/env";
import { parseTrustedProxies } from "@/lib/security/client-ip";
import { stampClientIp } from "@/lib/server/client-address";
import { PageCache, installPageCache } from "@/lib/server/page-cache";
import { RenderGate, isPublicRender } from "@/lib/server/render-gate";
import { isViewBeacon, serveViewBeacon } from "@/lib/server/view-beacon";

process.title = "gazette-server";
const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME_BIND || "0.0.0.0";

// In development every request renders afresh: nothing to keep. GAZETTE_PAGE_CACHE_MB=0 turns it off.
const pageCacheMb = Number(process.env.GAZETTE_PAGE_CACHE_MB ?? 32);
const pages = dev || !(pageCacheMb > 0) ? null : new PageCache({ maxBytes: pageCacheMb * 1024 * 1024, ttlMs: 60_000 });
if (pages) installPageCache(pages);
// Public renders at once (lib/server/render-gate.ts): twice the cores by default.
const renderConcurrency = Number(process.env.GAZETTE_RENDER_CONCURRENCY) || 2 * availableParallelism();
const renders = dev ? null : new RenderGate({ concurrency: renderConcurrency, maxQueue: 32 * renderConcurrency });

// Whose X-Forwarded-For to believe (lib/security/client-ip.ts); a bad entry stops the start here.
const trustedProxies = parseTrustedProxies(env().TRUSTED_PROXIES);

const server = createServer();
// Given the server, Next.js attaches its own WebSocket handling to it (the development
// server's reloads).
const app = next({ dev, hostname, port, dir: process.cwd(), httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();

server.on("request", (req, res) => {
  if (isViewBeacon(req)) return void serveViewBeacon(req, res);
  if (pages?.serve(req, res)) return;
  // Everything below reaches Next.js: it learns the client's address from us only.
  stampClientIp(req, trustedProxies);
  pages?.record(req, res);
  if (renders && isPublicRender(req)) renders.admit(res, () => void handle(req, res));
  else void handle(req, res);
});
server.listen(port, hostname);

async function stop() {
  server.close();
  server.closeAllConnections();
  await app.close().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
