import fs from "node:fs";
import path from "node:path";

/**
 * Which requests Next.js will answer from its page cache (static or ISR pages): the
 * proxy must leave their Content-Security-Policy to the cached entry (hash-based, see
 * csp-cache-handler.mjs) — two policies would both apply and block each other's scripts.
 * Read from the build's own manifests, so a page becomes "cached" or "dynamic" by what
 * its code does, with no list to keep in step.
 */
interface RouteManifest {
  staticRoutes: { page: string; regex: string }[];
  dynamicRoutes: { page: string; regex: string }[];
}
interface PrerenderManifest {
  routes: Record<string, unknown>;
  dynamicRoutes: Record<string, unknown>;
}

export interface RouteTable {
  routes: { page: string; regex: RegExp }[];
  cachedPages: Set<string>;
}

export function buildRouteTable(routes: RouteManifest, prerender: PrerenderManifest): RouteTable {
  return {
    // Next.js matches static routes before dynamic ones, and the dynamic ones in the manifest's order.
    routes: [...routes.staticRoutes, ...routes.dynamicRoutes].map((r) => ({ page: r.page, regex: new RegExp(r.regex) })),
    cachedPages: new Set([...Object.keys(prerender.routes), ...Object.keys(prerender.dynamicRoutes)]),
  };
}

/**
 * Is the page at this path served from the page cache? An unmatched path is answered
 * by the prerendered not-found page, which is cached too.
 */
export function isCachedPath(table: RouteTable, pathname: string): boolean {
  const match = table.routes.find((r) => r.regex.test(pathname));
  return match ? table.cachedPages.has(match.page) : table.cachedPages.has("/_not-found");
}

let table: RouteTable | null | undefined;

/** The running build's table; null in development, where every page is rendered per request. */
export function currentRouteTable(): RouteTable | null {
  if (table !== undefined) return table;
  if (process.env.NODE_ENV !== "production") return (table = null);
  try {
    const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), process.env.NEXT_DIST_DIR || ".next");
    const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
    table = buildRouteTable(read("routes-manifest.json"), read("prerender-manifest.json"));
  } catch {
    // No manifests (a build without them cannot serve pages anyway): every response gets the nonce policy.
    table = null;
  }
  return table;
}
