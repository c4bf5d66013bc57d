// @ts-check
import fileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { CSP_HEADER, cachedPublicPolicy, trustedInlineScriptHashes } from "./csp-core.mjs";
import { isPlainPage, requestedStatus, withoutFrameworkRuntime } from "./plain-html.mjs";

/**
 * Next.js's own page cache (in memory: next.config.js keeps it off the disk), plus two
 * things. Public reading pages are stored as plain HTML, without the framework runtime
 * (plain-html.mjs). And every cached page carries the Content-Security-Policy that
 * matches its HTML (the hashes of its inline scripts), so the public pages stay cached
 * (ISR) and still need no 'unsafe-inline' for scripts.
 * Next.js sends a cached page's stored headers with it on every hit — and on the miss
 * that rendered it, since the response is built from the same entry after set().
 *
 * Another cache handler (shared, multi-instance) can extend this class, or apply
 * `readyCachedPage` to its own entries.
 */
const FileSystemCache = /** @type {any} */ (fileSystemCache).default ?? fileSystemCache;

/**
 * Readies a page entry in place: plain pages lose the runtime, and every page gets its
 * policy; false when the page has inline scripts but no trusted nonce.
 */
export function readyCachedPage(/** @type {any} */ value) {
  if (value?.kind !== "APP_PAGE" || typeof value.html !== "string") return true;
  if (value.headers?.[CSP_HEADER]) return true;
  if (isPlainPage(value.html)) {
    // Whatever rendered it (a request, or the build without one), no inline script of Next.js's is left.
    value.html = withoutFrameworkRuntime(value.html);
    value.headers = { ...(value.headers ?? {}), [CSP_HEADER]: cachedPublicPolicy([]) };
    value.status = requestedStatus(value.html) ?? value.status;
    return true;
  }
  const hashes = trustedInlineScriptHashes(value.html);
  if (!hashes) return false;
  value.headers = { ...(value.headers ?? {}), [CSP_HEADER]: cachedPublicPolicy(hashes) };
  return true;
}

/** When this server began to use the cache: every entry it stored itself is newer. */
const STARTED_AT = Date.now();

export default class CspCacheHandler extends FileSystemCache {
  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    if (!entry) return entry;
    // Stored before this server started: the build's prerendered pages. The database may
    // have changed since, and refreshes announced meanwhile never reached this instance.
    // (Without a request, they also had no nonce: their inline scripts could not be told
    // from injected ones.) Render it again, once, on demand.
    if (!(entry.lastModified >= STARTED_AT) || !readyCachedPage(entry.value)) return null;
    return entry;
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    readyCachedPage(data);
    // Answered (the response is built from this entry) but not kept: anyone can ask for
    // any number of unknown addresses, and each would push a real page out of the cache.
    if (data?.status === 404) return;
    await super.set(key, data, ctx);
  }
}
