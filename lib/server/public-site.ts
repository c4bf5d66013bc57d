import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { FRAME_TAGS } from "@/lib/cache/tags";
import { catalogueCacheKey } from "@/lib/documents/catalogue-params";
import type { CacheEntry, PageCache } from "@/lib/cache/page-cache";
import { t } from "@/lib/i18n/zh-CN";
import { redirectTarget } from "@/lib/redirects/lookup";
import { publicPageHeaders, securityHeaders, servedOverHttps } from "@/lib/security/headers.mjs";
import { loadSiteFrame, renderNotFound, renderPublicRoute, type RenderContext, type RenderedPage, type SiteFrame } from "@/lib/site/render";
import { isNextPath, matchPublicRoute, type RouteMatch } from "@/lib/site/routes";
import { searchCacheKey } from "@/lib/search/params";
import type { RenderGate } from "./render-gate";

/**
 * The public site, as the app server answers it (scripts/server.ts): every path of
 * lib/site/routes.ts, and the site's 404 page for any address that is neither public
 * nor Next.js's. A reading page comes from the page cache, or is rendered — behind the
 * render gate — by lib/site/render.ts and kept there; the site's own files come from
 * public/. Returns false for the paths Next.js answers.
 */
export interface PublicSiteOptions {
  /** null in development: every request renders afresh. */
  cache: PageCache | null;
  /**
   * Search pages, by their canonical query: a cache of their own, so that a crawler
   * walking endless searches cannot push the reading pages out of `cache`. null: never kept.
   */
  searchCache?: PageCache | null;
  /** null in development. */
  gate: RenderGate | null;
  /** Where npm run build put site.js, site.css and the icon. */
  assetsDir?: string;
}

export type PublicSite = {
  (req: IncomingMessage, res: ServerResponse): boolean;
  /** The same renders readers get, for the static snapshot: the frame fresh from the database. */
  renderPath: (urlPath: string) => Promise<RenderedPage>;
};

const HTML_HEADERS = Object.fromEntries(publicPageHeaders().map(({ key, value }) => [key, value]));
const HSTS = securityHeaders({ admin: false, https: true })["strict-transport-security"];
/** Readers' browsers and shared caches ask again every time (a 304 when nothing changed): a withdrawn page must go. */
const REVALIDATE = "public, max-age=0, must-revalidate";
const ASSET_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

export function createPublicSite({ cache, searchCache = null, gate, assetsDir = path.join(process.cwd(), "public") }: PublicSiteOptions): PublicSite {
  const frame = (): Promise<SiteFrame> => (cache ? cache.remember("frame", FRAME_TAGS, loadSiteFrame) : loadSiteFrame());

  /** Where a request's page is kept: reading pages by path (the query does not matter), the 公开目录 and searches by their canonical query. */
  const slotOf = (match: RouteMatch | null, pathname: string, rawQuery: string): { store: PageCache; key: string } | null => {
    // The 公开目录 is kept under its filters' canonical address (null: a search or odd filter, not kept).
    if (match?.route.name === "catalogue") {
      const key = catalogueCacheKey(new URLSearchParams(rawQuery));
      return cache && key ? { store: cache, key } : null;
    }
    if (match?.route.cached) return cache ? { store: cache, key: pathname } : null;
    if (match?.route.name !== "search" || !searchCache) return null;
    const key = searchCacheKey(new URLSearchParams(rawQuery));
    return key ? { store: searchCache, key } : null;
  };

  const handle = ((req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const pathname = queryAt < 0 ? url : url.slice(0, queryAt);
    if (isNextPath(pathname)) return false;
    const match = matchPublicRoute(pathname);
    if (req.method !== "GET" && req.method !== "HEAD") {
      // The beacon is the only public POST, and it is answered before this.
      send(req, res, { status: 405, headers: { "content-type": "text/plain; charset=utf-8", allow: "GET, HEAD" }, body: "Method Not Allowed" });
      return true;
    }
    if (match?.route.name === "siteAsset") {
      serveAsset(req, res, assetsDir, match.params[0]);
      return true;
    }
    const rawQuery = queryAt < 0 ? "" : url.slice(queryAt + 1);
    const slot = slotOf(match, pathname, rawQuery);
    const hit = slot?.store.get(slot.key);
    if (hit) {
      sendEntry(req, res, slot!.store, hit, "HIT");
      return true;
    }
    const work = async () => {
      // An imported page's old address answers 301 to its article (lib/redirects), before the 404 page.
      const moved = match ? null : await redirectTarget(pathname, cache);
      if (moved) return send(req, res, { status: 301, headers: { location: moved, "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=3600" }, body: `Moved Permanently: ${moved}` });
      const ticket = slot?.store.ticket() ?? 0;
      const page = await render(match, { query: new URLSearchParams(rawQuery), frame });
      if (slot && page.tags.length > 0 && (page.status === 200 || page.status === 410) && !(page.body instanceof ReadableStream)) {
        const entry = slot.store.put(slot.key, { status: page.status, headers: page.headers, body: Buffer.from(page.body), pattern: match!.route.pattern, tags: page.tags }, ticket);
        sendEntry(req, res, slot.store, entry, "MISS");
      } else send(req, res, page);
    };
    const run = () =>
      void work().catch((error) => {
        console.error(`[site] ${pathname}:`, error);
        if (!res.headersSent) send(req, res, { status: 500, headers: { "content-type": "text/html; charset=utf-8", "retry-after": "5" }, body: errorPage() });
        else res.destroy();
      });
    if (gate && match?.route.gated !== false) gate.admit(res, run);
    else run();
    return true;
  }) as PublicSite;

  handle.renderPath = renderPath;
  return handle;
}

/** A public path as a reader gets it, rendered now with the frame read afresh (the static snapshot's view). */
export function renderPath(urlPath: string): Promise<RenderedPage> {
  const [pathname, search = ""] = urlPath.split("?");
  return render(matchPublicRoute(pathname), { query: new URLSearchParams(search), frame: loadSiteFrame });
}

/** A public route's page, or the site's 404 page for an address that is none. */
function render(match: RouteMatch | null, ctx: RenderContext): Promise<RenderedPage> {
  return match ? renderPublicRoute(match, ctx) : renderNotFound(ctx);
}

/** Over HTTPS pages carry HSTS. */
function isHttps(req: IncomingMessage): boolean {
  const proto = req.headers["x-forwarded-proto"];
  return servedOverHttps(Array.isArray(proto) ? proto[0] : proto);
}

function baseHeaders(req: IncomingMessage, own: Record<string, string>): Record<string, string> {
  return { ...HTML_HEADERS, "cache-control": REVALIDATE, ...own, ...(isHttps(req) ? { "strict-transport-security": HSTS } : {}) };
}

/**
 * A cached page's response headers, as the flat list Node.js writes as is, made once per
 * entry and kind of answer (cache state, HTTPS, compression): a hit only picks its list.
 */
const wireHeaders = new WeakMap<CacheEntry, Map<string, (string | number)[]>>();

function headersFor(req: IncomingMessage, entry: CacheEntry, state: "HIT" | "MISS", https: boolean, body: Buffer | null): (string | number)[] {
  const kind = `${state}${https ? "s" : ""}${body ? (body === entry.body ? "" : "z") : "-"}`;
  let kinds = wireHeaders.get(entry);
  if (!kinds) wireHeaders.set(entry, (kinds = new Map()));
  let list = kinds.get(kind);
  if (!list) {
    const headers: Record<string, string | number> = { ...baseHeaders(req, entry.headers), etag: entry.etag, vary: "Accept-Encoding", "x-gazette-cache": state };
    if (body && body !== entry.body) headers["content-encoding"] = "gzip";
    if (body) headers["content-length"] = body.length;
    list = Object.entries(headers).flat();
    kinds.set(kind, list);
  }
  return list;
}

function sendEntry(req: IncomingMessage, res: ServerResponse, cache: PageCache, entry: CacheEntry, state: "HIT" | "MISS"): void {
  const https = isHttps(req);
  if (matchesEtag(req.headers["if-none-match"], entry.etag)) {
    res.writeHead(304, headersFor(req, entry, state, https, null));
    res.end();
    return;
  }
  const body = acceptsGzip(req.headers["accept-encoding"]) ? cache.gzipped(entry) : entry.body;
  res.writeHead(entry.status, headersFor(req, entry, state, https, body));
  res.end(req.method === "HEAD" ? undefined : body);
}

function send(req: IncomingMessage, res: ServerResponse, page: Pick<RenderedPage, "status" | "headers" | "body">): void {
  const headers: Record<string, string | number> = { ...baseHeaders(req, page.headers) };
  if (page.status >= 400 && !page.headers["cache-control"]) headers["cache-control"] = "no-store";
  if (page.body instanceof ReadableStream) {
    res.writeHead(page.status, headers);
    if (req.method === "HEAD") {
      void page.body.cancel();
      res.end();
    } else Readable.fromWeb(page.body as import("node:stream/web").ReadableStream).pipe(res);
    return;
  }
  const body = typeof page.body === "string" ? Buffer.from(page.body) : page.body;
  headers["content-length"] = body.length;
  res.writeHead(page.status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** public/site.js, site.css, icon.svg: the pages ask for them with a version query, so they may be kept for a year. */
function serveAsset(req: IncomingMessage, res: ServerResponse, dir: string, name: string): void {
  fs.readFile(path.join(dir, name), (error, body) => {
    if (error) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end("Not found");
      return;
    }
    const versioned = /[?&]v=/.test(req.url ?? "");
    res.writeHead(200, {
      ...baseHeaders(req, {}),
      "content-type": ASSET_TYPES[path.extname(name)] ?? "application/octet-stream",
      "cache-control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
      "content-length": body.length,
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
}

function errorPage(): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.site.busyTitle}</title></head><body><h1>${t.site.busyTitle}</h1><p>${t.site.busy}</p></body></html>`;
}

function acceptsGzip(header: string | undefined): boolean {
  return !!header && /\bgzip\b(?!;\s*q=0(?:\.0*)?(?:[,\s]|$))/.test(header);
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}
