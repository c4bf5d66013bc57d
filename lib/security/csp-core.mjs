// @ts-check
import crypto from "node:crypto";
import { EARLY_PREFS_SCRIPT } from "./reader-prefs.mjs";

/**
 * Content-Security-Policy building blocks, in plain JavaScript because next.config.js
 * uses them too (through headers.mjs); types in csp-core.d.mts.
 *
 * Two kinds of policy, never 'unsafe-inline' for scripts (SECURITY.md explains why):
 * - what Next.js renders (the admin, previews): a fresh nonce per request;
 * - the public site (lib/site/render.ts): no script of the framework's, only the site
 *   script (same origin) and the reader-preferences snippet, allowed by its hash — one
 *   fixed policy, so a page is the same for every reader and can be cached.
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

/** Anything else Next.js renders (previews, API answers): nonce scripts; framing by the site itself only. */
export function dynamicPublicPolicy(/** @type {string} */ nonce, dev = false) {
  return policy({ scripts: [`'nonce-${nonce}'`, EARLY_PREFS], frameAncestors: "'self'", dev });
}

/** The public site's pages: same-origin scripts and the preferences snippet; framing by the site itself only. */
export function publicSitePolicy() {
  return policy({ scripts: [EARLY_PREFS], frameAncestors: "'self'" });
}
