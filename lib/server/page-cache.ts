import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { isSnapshotRequest } from "./snapshot-request";

/**
 * The reading pages this instance served last, held in memory and answered before
 * Next.js sees the request. Next.js's own page cache stays the source: an entry here is
 * a copy of a response Next.js gave from (or just put in) its cache, and is dropped —
 * all of them at once — whenever anything public changes on any instance
 * (lib/cache/refresh.ts calls `invalidate()`, the other instances hear of it through
 * LISTEN/NOTIFY). What it saves is Next.js's fixed cost per request (routing, its
 * response cache, headers), which was most of the time of a cached page.
 *
 * Per instance and disposable, like Next.js's cache: a new instance starts empty, and
 * an entry lives at most `ttlMs` even if a refresh were missed.
 */
export interface PageCacheOptions {
  maxBytes: number;
  ttlMs: number;
  now?: () => number;
}

interface Entry {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  gzip?: Buffer;
  etag?: string;
  expires: number;
  bytes: number;
}

/**
 * The reading pages (PUBLIC_PAGE_SOURCES without /site.js; page-cache.test.ts checks both
 * agree), in their canonical spelling only: a path Next.js would first normalise
 * (`/columns/x/../..`) is left to it rather than kept under another name.
 */
const READING_PAGE = /^\/(?:articles\/[1-9]\d*|columns\/[a-z0-9-]+(?:\/page\/[1-9]\d*|\/feed\.xml)?|sitemap|sitemap\.xml|sitemaps\/[1-9]\d*\.xml|feed\.xml)?$/;

/** Headers that belong to one response (or that Node.js sets itself), not to the page. */
const PER_RESPONSE = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "set-cookie"]);

/** Next.js says where a page came from: its cache (HIT) or a render it has just stored (MISS). */
const FROM_NEXT_CACHE = new Set(["HIT", "MISS"]);

const MAX_ENTRY_BYTES = 2 * 1024 * 1024;

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** Bumped by every invalidation: a response that was on its way then is not stored. */
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  /** Answers the request from memory; false when it is not a reading page held here. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const key = keyOf(req);
    if (!key) return false;
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    if (entry.expires <= this.now()) {
      this.bytes -= entry.bytes;
      return false;
    }
    this.entries.set(key, entry); // most recently used last

    if (entry.etag && matchesEtag(req.headers["if-none-match"], entry.etag)) {
      res.writeHead(304, entry.headers);
      res.end();
      return true;
    }
    let body = entry.body;
    const headers: OutgoingHttpHeaders = { ...entry.headers };
    if (acceptsGzip(req.headers["accept-encoding"])) {
      if (!entry.gzip) {
        entry.gzip = zlib.gzipSync(entry.body);
        entry.bytes += entry.gzip.length;
        this.bytes += entry.gzip.length;
      }
      body = entry.gzip;
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = body.length;
    res.writeHead(entry.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
    this.evict();
    return true;
  }

  /**
   * Keeps a copy of the response Next.js is about to give, if it is a reading page
   * from Next.js's cache. Call before handing the request to Next.js.
   */
  record(req: IncomingMessage, res: ServerResponse): void {
    const key = req.method === "GET" ? keyOf(req) : null;
    if (!key) return;
    const generation = this.generation;
    // The copy is kept uncompressed (and compressed here when asked for), so Next.js
    // must not compress this one response.
    delete req.headers["accept-encoding"];
    const chunks: Buffer[] = [];
    let length = 0;
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function" || length > MAX_ENTRY_BYTES) return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      chunks.push(buffer);
      length += buffer.length;
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse["write"];
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      collect(args[0], args[1]);
      return (end as (...args: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse["end"];
    res.once("finish", () => {
      if (generation === this.generation && length <= MAX_ENTRY_BYTES) this.store(key, res, Buffer.concat(chunks, length));
    });
  }

  private store(key: string, res: ServerResponse, body: Buffer): void {
    if (res.statusCode !== 200 && res.statusCode !== 410) return;
    if (!FROM_NEXT_CACHE.has(String(res.getHeader("x-nextjs-cache") ?? ""))) return;
    if (res.hasHeader("set-cookie") || res.hasHeader("content-encoding")) return;
    const cacheControl = String(res.getHeader("cache-control") ?? "");
    if (/private|no-store|no-cache/.test(cacheControl)) return;

    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (!PER_RESPONSE.has(name) && value !== undefined) headers[name] = value;
    }
    // Answers differ by compression (serve() compresses for who asks).
    const vary = String(headers.vary ?? "");
    if (!/accept-encoding/i.test(vary)) headers.vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
    const sMaxAge = /s-maxage=(\d+)/.exec(cacheControl);
    const ttl = Math.min(this.options.ttlMs, sMaxAge ? Number(sMaxAge[1]) * 1000 : Infinity);
    const etag = typeof headers.etag === "string" ? headers.etag : undefined;
    const entry: Entry = { status: res.statusCode, headers, body, etag, expires: this.now() + ttl, bytes: body.length + 512 };
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.evict();
  }

  /** Least recently used first, until the cache fits. */
  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.options.maxBytes) return;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
  }
}

/**
 * The cache key, or null for a request that is not for a reading page as every
 * reader gets it: with a query (search, tracking parameters), a Next.js router request,
 * or the static publisher asking for the real thing (only it: lib/server/snapshot-request.ts). Over HTTPS the page carries HSTS.
 */
function keyOf(req: IncomingMessage): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "";
  if (!READING_PAGE.test(url)) return null;
  const headers = req.headers;
  if (headers.rsc || headers["next-router-prefetch"] || headers["next-router-state-tree"] || isSnapshotRequest(req)) return null;
  return headers["x-forwarded-proto"] === "https" ? `https:${url}` : url;
}

export function isReadingPage(path: string): boolean {
  return READING_PAGE.test(path);
}

function acceptsGzip(header: string | undefined): boolean {
  return !!header && /\bgzip\b(?!;\s*q=0(?:\.0*)?(?:[,\s]|$))/.test(header);
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

/** The instance's page cache, for lib/cache/refresh.ts inside Next.js's bundle: one process, one global. */
const GLOBAL_KEY = Symbol.for("gazette.pageCache");

export function installPageCache(cache: PageCache): void {
  (globalThis as Record<symbol, unknown>)[GLOBAL_KEY] = cache;
}

export function invalidatePageCache(): void {
  ((globalThis as Record<symbol, unknown>)[GLOBAL_KEY] as PageCache | undefined)?.invalidate();
}
