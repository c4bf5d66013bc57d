import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/env";
import { publicPageHeaders } from "@/lib/security/headers.mjs";
import { snapshotFileOf } from "@/lib/site/routes";
import type { RenderedPage } from "@/lib/site/render";

/**
 * 静态发布: public pages written as plain files under $DATA_DIR/static, so that any
 * web server can serve them — fast, and still up when the app or the database is
 * down (docs/deploy.md has the nginx configuration). A page is rendered by the same
 * function that renders it for readers (lib/site/render.ts); a page that is gone
 * (404/410) has its file removed at once.
 */
export function staticRoot(): string {
  return dataDir("static");
}

/** Where a public path is stored (lib/site/routes.ts names the files); null for what is not kept. */
export function fileForPath(urlPath: string): string | null {
  const clean = urlPath.split(/[?#]/)[0];
  const relative = snapshotFileOf(clean);
  return relative === null ? null : path.join(staticRoot(), relative);
}

export function staticPublishing(): boolean {
  return process.env.STATIC_PUBLISH !== "off";
}

/** Renders one public path as a reader gets it. */
export type PathRenderer = (urlPath: string) => Promise<RenderedPage>;

export async function snapshotPaths(paths: Iterable<string>, render: PathRenderer): Promise<void> {
  if (!staticPublishing()) return;
  for (const urlPath of new Set(paths)) await snapshotPath(urlPath, render);
}

/**
 * Writes (or, for a page that is gone, removes) one page's file; false when it could
 * not be rendered (an error), in which case the old file is kept.
 */
export async function snapshotPath(urlPath: string, render: PathRenderer): Promise<boolean> {
  const file = fileForPath(urlPath);
  if (!file) return true;
  try {
    const page = await render(urlPath);
    if (page.status === 404 || page.status === 410) {
      await fs.promises.rm(file, { force: true });
      return true;
    }
    if (page.status !== 200 || page.body instanceof ReadableStream) {
      console.warn(`[static] ${urlPath}: rendered ${page.status}; the old file is kept`);
      return false;
    }
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so that the web server never serves half a page.
    const tmp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
    await fs.promises.writeFile(tmp, page.body);
    await fs.promises.rename(tmp, file);
    return true;
  } catch (error) {
    console.warn(`[static] ${urlPath}: ${(error as Error).message}; the old file is kept`);
    return false;
  }
}

/**
 * The site's script, style sheet and icon (public/, made by npm run build) next to the
 * pages, so the snapshot works without the app (run on start). The pages ask for them
 * with a version query, so a new build's files simply replace the old ones.
 */
export async function copySiteAssets(): Promise<void> {
  const publicDir = path.join(/*turbopackIgnore: true*/ process.cwd(), "public");
  await fs.promises.mkdir(staticRoot(), { recursive: true });
  if (fs.existsSync(publicDir)) await fs.promises.cp(publicDir, staticRoot(), { recursive: true, force: true });
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
