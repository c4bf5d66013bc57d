// @ts-check
import crypto from "node:crypto";
import { EARLY_PREFS_SCRIPT } from "./reader-prefs.mjs";

/**
 * Content-Security-Policy building blocks, in plain JavaScript because Next.js loads
 * the page-cache handler (csp-cache-handler.mjs) at run time without compiling it;
 * proxy.ts and the tests import the same file (types in csp-core.d.mts).
 *
 * Two kinds of policy, never 'unsafe-inline' for scripts (SECURITY.md explains why):
 * - dynamic responses (the admin, uncached pages): a fresh nonce per request;
 * - cached public pages (ISR): the SHA-256 hashes of the inline scripts Next.js wrote
 *   into that page, stored with the cached page so every visitor gets matching HTML
 *   and policy, and the page stays cached.
 */
export const CSP_HEADER = "content-security-policy";

const sha256 = (/** @type {string} */ text) => `sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}`;

/** The public pages' one inline script of our own (reader-prefs.mjs), allowed on every public page by its hash. */
const EARLY_PREFS = `'${sha256(EARLY_PREFS_SCRIPT)}'`;

/**
 * @param {{ scripts: string[], frameAncestors: string, dev?: boolean }} options
 * @returns {string}
 */
function policy({ scripts, frameAncestors, dev = false }) {
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts.join(" ")}${dev ? " 'unsafe-eval'" : ""}`.trim(),
    // Article bodies carry style attributes (alignment, image widths); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/** The back office: nonce scripts only, never framed. */
export function adminPolicy(/** @type {string} */ nonce, dev = false) {
  return policy({ scripts: [`'nonce-${nonce}'`], frameAncestors: "'none'", dev });
}

/** A public page rendered for this request only (not cached): nonce scripts; framing by the site itself only. */
export function dynamicPublicPolicy(/** @type {string} */ nonce, dev = false) {
  return policy({ scripts: [`'nonce-${nonce}'`, EARLY_PREFS], frameAncestors: "'self'", dev });
}

/** A cached public page: exactly the inline scripts Next.js wrote into it, by hash. */
export function cachedPublicPolicy(/** @type {string[]} */ hashes) {
  return policy({ scripts: [...hashes.map((h) => `'${h}'`), EARLY_PREFS], frameAncestors: "'self'" });
}

/** A <script> element: [whole, attributes, body]. Global: use with matchAll or replace. */
export const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const NONCE = /\snonce="([^"]+)"/i;
const SRC = /\ssrc\s*=/i;
const DATA_TYPE = /\stype="(?!text\/javascript|module|application\/javascript)[^"]*"/i;

/** A script element that holds data (JSON-LD, JSON) and never runs. */
export function isDataScript(/** @type {string} */ attributes) {
  return DATA_TYPE.test(attributes);
}

/**
 * SHA-256 hashes of the inline scripts Next.js itself wrote into a rendered page:
 * those carrying the render's nonce. The trusted nonce is the one on the document's
 * first script, which Next.js puts in <head> before any page content; a script that
 * slipped into an article body cannot know it, so it is never whitelisted.
 * Returns null when the page was rendered without a nonce (at build time).
 *
 * @param {string} html
 * @returns {string[] | null}
 */
export function trustedInlineScriptHashes(html) {
  const scripts = [...html.matchAll(SCRIPT_TAG)];
  const trusted = scripts.length ? NONCE.exec(scripts[0][1])?.[1] : undefined;
  if (!trusted) return null;
  const hashes = new Set();
  for (const [, attributes, body] of scripts) {
    if (SRC.test(attributes) || isDataScript(attributes)) continue;
    if (NONCE.exec(attributes)?.[1] !== trusted) continue;
    hashes.add(sha256(body));
  }
  return [...hashes];
}
