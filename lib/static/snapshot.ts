import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/env";
import { publicPageHeaders } from "@/lib/security/headers.mjs";
import { internalToken, selfUrl } from "@/lib/internal/token";
import { SNAPSHOT_HEADER } from "@/lib/server/snapshot-request";

/**
 * 静态发布: public pages written as plain files under $DATA_DIR/static, so that any
 * web server can serve them — fast, and still up when the app or the database is
 * down (docs/deploy.md has the nginx configuration). A page is fetched from this
 * instance exactly as a visitor would get it; a page that is gone (404/410) has its
 * file removed at once.
 */
export function staticRoot(): string {
  return dataDir("static");
}

/** Where a public path is stored: "/" → index.html, "/articles/1" → articles/1/index.html, "/feed.xml" → feed.xml. */
export function fileForPath(urlPath: string): string | null {
  const clean = urlPath.split(/[?#]/)[0];
  if (!clean.startsWith("/") || clean.includes("..") || clean.includes("\\")) return null;
  // Search results depend on the query: always from the app.
  if (clean === "/search" || clean.startsWith("/api/") || clean.startsWith("/admin") || clean.startsWith("/media/")) return null;
  const relative = clean.endsWith(".xml") ? clean.slice(1) : path.join(clean.slice(1), "index.html");
  return path.join(staticRoot(), relative);
}

export function staticPublishing(): boolean {
  return process.env.STATIC_PUBLISH !== "off";
}

export async function snapshotPaths(paths: Iterable<string>): Promise<void> {
  if (!staticPublishing()) return;
  for (const urlPath of new Set(paths)) await snapshotPath(urlPath);
}

/**
 * Writes (or, for a page that is gone, removes) one page's file; false when the app
 * could not give it (an error page, no answer), in which case the old file is kept.
 */
export async function snapshotPath(urlPath: string): Promise<boolean> {
  const file = fileForPath(urlPath);
  if (!file) return true;
  try {
    return await snapshotOne(urlPath, file);
  } catch (error) {
    console.warn(`[static] ${urlPath}: ${(error as Error).message}; the old file is kept`);
    return false;
  }
}

async function snapshotOne(urlPath: string, file: string): Promise<boolean> {
  const response = await fetch(selfUrl(urlPath), {
    // The token proves the request is ours: a client that merely sends the header is served like any reader.
    headers: { "user-agent": "GazetteStaticPublisher/1.0", [SNAPSHOT_HEADER]: internalToken() },
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status === 404 || response.status === 410) {
    await fs.promises.rm(file, { force: true });
    return true;
  }
  if (!response.ok) {
    console.warn(`[static] ${urlPath}: the app answered ${response.status}; the old file is kept`);
    return false;
  }
  const body = Buffer.from(await response.arrayBuffer());
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  // Write then rename, so that the web server never serves half a page.
  const tmp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
  await fs.promises.writeFile(tmp, body);
  await fs.promises.rename(tmp, file);
  return true;
}

/**
 * The built CSS (and the site script, public/site.js) next to the pages, so the
 * snapshot works without the app (run on start). Hashed build files never change, so
 * existing ones are kept; public/ files are overwritten, as a new build changes them.
 */
export async function copyBuildAssets(distDir: string): Promise<void> {
  const from = path.join(distDir, "static");
  if (fs.existsSync(from)) await fs.promises.cp(from, path.join(staticRoot(), "_next", "static"), { recursive: true, force: false, errorOnExist: false });
  const publicDir = path.join(/*turbopackIgnore: true*/ process.cwd(), "public");
  if (fs.existsSync(publicDir)) await fs.promises.cp(publicDir, staticRoot(), { recursive: true, force: true });
  await fs.promises.mkdir(staticRoot(), { recursive: true });
  await fs.promises.writeFile(path.join(staticRoot(), NGINX_HEADERS_FILE), nginxSecurityHeaders());
}

/** The snapshot's headers for nginx (`include`d by docs/deploy.md's configuration); a dotfile nginx does not serve. */
export const NGINX_HEADERS_FILE = ".security-headers.conf";

/**
 * The headers the app gives its cached reading pages, as nginx directives, so that a
 * page served from the snapshot is exactly as safe as one served by the app. The
 * pages are plain (no framework runtime), so one fixed policy fits them all. HSTS
 * is left to the TLS server block.
 */
export function nginxSecurityHeaders(): string {
  const lines = publicPageHeaders().map(({ key, value }) => `add_header ${key} "${value.replace(/["\\]/g, "")}" always;`);
  return `# Written by Gazette on start (lib/static/snapshot.ts); do not edit.\n${lines.join("\n")}\n`;
}
