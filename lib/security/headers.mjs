// @ts-check
import { publicSitePolicy } from "./csp-core.mjs";
/**
 * The security headers every response carries, apart from the Content-Security-Policy
 * (csp-core.mjs). Plain JavaScript so that next.config.js can use them too, for the
 * few paths the proxy does not run on (types in headers.d.mts).
 */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
  "interest-cohort=()",
  "browsing-topics=()",
].join(", ");

/**
 * @param {{ admin: boolean, https: boolean }} options admin: never framed, not even by the site;
 *   https: served over HTTPS (SECURE_COOKIES=true or X-Forwarded-Proto: https), so HSTS.
 * @returns {Record<string, string>}
 */
export function securityHeaders({ admin, https }) {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    // For browsers that predate frame-ancestors; the CSP says the same.
    "x-frame-options": admin ? "DENY" : "SAMEORIGIN",
    "cross-origin-opener-policy": "same-origin",
    ...(https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * Is this response going out over HTTPS (so with HSTS)? SECURE_COOKIES=true says the site
 * is HTTPS-only; otherwise the TLS proxy in front says so in X-Forwarded-Proto.
 * @param {string | null | undefined} forwardedProto
 */
export function servedOverHttps(forwardedProto) {
  return process.env.SECURE_COOKIES === "true" || forwardedProto === "https";
}

/**
 * The upload endpoint streams up to 50 MB: the proxy would buffer (and, past 10 MB,
 * cut) such bodies, so it does not run there. Its JSON answers get these from
 * next.config.js instead: nothing in them may run or be framed.
 * @returns {{ key: string, value: string }[]}
 */
export function staticApiHeaders() {
  return Object.entries({
    ...securityHeaders({ admin: true, https: false }),
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  }).map(([key, value]) => ({ key, value }));
}

/** Server actions: Next.js refuses bodies past next.config.js's bodySizeLimit (2 MB); the proxy answers 413 first. */
export const ACTION_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** A fresh, unguessable nonce (128 bits) per request. */
export function createNonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The public site's headers (lib/server/public-site.ts; lib/static/snapshot.ts writes
 * them for nginx too). The pages are plain (no inline script but the preferences
 * snippet), so one fixed policy fits them all; HSTS is added over HTTPS.
 */
/** @returns {{ key: string, value: string }[]} */
export function publicPageHeaders() {
  return Object.entries({
    ...securityHeaders({ admin: false, https: false }),
    "content-security-policy": publicSitePolicy(),
  }).map(([key, value]) => ({ key, value }));
}
