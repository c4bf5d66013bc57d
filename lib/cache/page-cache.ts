import crypto from "node:crypto";
import zlib from "node:zlib";
import { routesOfPattern } from "@/lib/site/routes";

/**
 * The one cache outside the database: the public pages this instance rendered, and the
 * small reads every page repeats (the site frame), in memory, each with the cache tags
 * it depends on (lib/cache/tags.ts). A change drops what it names — addresses, route
 * patterns, tags — on every instance at once (lib/cache/refresh.ts → bus.ts → drop()).
 *
 * Per instance and disposable: a new instance starts empty, and an entry lives at most
 * `ttlMs` even if a change were ever missed (a database restored by hand).
 */
export interface PageCacheOptions {
  maxBytes: number;
  ttlMs: number;
  now?: () => number;
}

/** A rendered page as the cache keeps it: what every reader of the address gets. */
export interface CachedPage {
  status: number;
  /** Its own headers (content type…); the server adds the security headers when it sends it. */
  headers: Record<string, string>;
  body: Buffer;
  /** The route's pattern (lib/site/routes.ts), so that a change may name a whole route. */
  pattern: string;
  tags: readonly string[];
}

export interface CacheEntry extends CachedPage {
  key: string;
  etag: string;
  /** Compressed on first request for it. */
  gzip?: Buffer;
  expires: number;
  bytes: number;
}

/** What a change names: addresses and route patterns ("/columns/[slug]/page/[page]|page", "/|layout"), and tags. */
export interface Change {
  paths: readonly string[];
  tags: readonly string[];
}

interface Remembered {
  value: Promise<unknown>;
  tags: readonly string[];
  expires: number;
}

const MAX_ENTRY_BYTES = 2 * 1024 * 1024;

export class PageCache {
  private readonly pages = new Map<string, CacheEntry>();
  private readonly data = new Map<string, Remembered>();
  private bytes = 0;
  /** Bumped by every change: a render that began before it is not kept. */
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.pages.size;
  }

  /** Taken before rendering, given back to put(): a change in between wins. */
  ticket(): number {
    return this.generation;
  }

  get(key: string): CacheEntry | undefined {
    const entry = this.pages.get(key);
    if (!entry) return undefined;
    this.pages.delete(key);
    if (entry.expires <= this.now()) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.pages.set(key, entry); // most recently used last
    return entry;
  }

  /** The entry's body compressed, made once and kept with it. */
  gzipped(entry: CacheEntry): Buffer {
    if (!entry.gzip) {
      entry.gzip = zlib.gzipSync(entry.body);
      entry.bytes += entry.gzip.length;
      if (this.pages.get(entry.key) === entry) this.bytes += entry.gzip.length;
      this.evict();
    }
    return entry.gzip;
  }

  /** Keeps a rendered page, unless a change came after `ticket` was taken; returns the entry to send. */
  put(key: string, page: CachedPage, ticket: number): CacheEntry {
    const entry: CacheEntry = {
      ...page,
      key,
      etag: `"${crypto.createHash("sha1").update(page.body).digest("base64url")}"`,
      expires: this.now() + this.options.ttlMs,
      bytes: page.body.length + 512,
    };
    if (ticket !== this.generation || page.body.length > MAX_ENTRY_BYTES) return entry;
    const old = this.pages.get(key);
    if (old) this.bytes -= old.bytes;
    this.pages.delete(key);
    this.pages.set(key, entry);
    this.bytes += entry.bytes;
    this.evict();
    return entry;
  }

  /** A read kept with its tags (the site frame); concurrent callers share one load. */
  remember<T>(key: string, tags: readonly string[], load: () => Promise<T>): Promise<T> {
    const found = this.data.get(key);
    if (found && found.expires > this.now()) return found.value as Promise<T>;
    const generation = this.generation;
    const value = load();
    const entry: Remembered = { value, tags, expires: this.now() + this.options.ttlMs };
    this.data.set(key, entry);
    // A failed read is not kept; nor one that a change overtook.
    value.then(
      () => {
        if (generation !== this.generation && this.data.get(key) === entry) this.data.delete(key);
      },
      () => {
        if (this.data.get(key) === entry) this.data.delete(key);
      },
    );
    return value;
  }

  /** Drops every page and read the change names. */
  drop(change: Change): void {
    this.generation++;
    const paths = new Set(change.paths);
    const patterns = new Set(change.paths.filter((p) => p.includes("|")).flatMap((p) => routesOfPattern(p).map((r) => r.pattern)));
    const tags = new Set(change.tags);
    const named = (entryTags: readonly string[]) => entryTags.some((tag) => tags.has(tag));
    for (const [key, entry] of this.pages) {
      if (paths.has(key) || patterns.has(entry.pattern) || named(entry.tags)) {
        this.pages.delete(key);
        this.bytes -= entry.bytes;
      }
    }
    for (const [key, entry] of this.data) if (named(entry.tags) || paths.has("/|layout")) this.data.delete(key);
  }

  clear(): void {
    this.generation++;
    this.pages.clear();
    this.data.clear();
    this.bytes = 0;
  }

  /** Least recently used first, until the cache fits. */
  private evict(): void {
    for (const [key, entry] of this.pages) {
      if (this.bytes <= this.options.maxBytes) return;
      this.pages.delete(key);
      this.bytes -= entry.bytes;
    }
  }
}
