/**
 * The security headers every response carries (set in proxy.ts), apart from the
 * Content-Security-Policy, which depends on how the response is rendered.
 */
export interface HeaderOptions {
  /** The back office: never framed, not even by the site itself. */
  admin: boolean;
  /** Served over HTTPS (SECURE_COOKIES=true or X-Forwarded-Proto: https): add HSTS. */
  https: boolean;
}

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

export function securityHeaders({ admin, https }: HeaderOptions): Record<string, string> {
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

/** A fresh, unguessable nonce (128 bits) per request. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
