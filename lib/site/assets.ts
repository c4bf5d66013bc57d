import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Where the site script is served (built by scripts/lib/site-assets.ts into public/). */
export const SITE_SCRIPT_PATH = "/site.js";
/** Where the site's one style sheet is served (same build). */
export const SITE_STYLE_PATH = "/site.css";
/** The site's icon (a file in public/, not built). */
export const SITE_ICON_PATH = "/icon.svg";

export type SiteAssetPath = typeof SITE_SCRIPT_PATH | typeof SITE_STYLE_PATH;

const versions = new Map<SiteAssetPath, string>();

/** A short hash of the built file, read once per process: a new build is never served from an old cache. */
function assetVersion(asset: SiteAssetPath): string {
  let version = versions.get(asset);
  if (version !== undefined) return version;
  try {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "public", asset);
    version = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex").slice(0, 12);
  } catch {
    version = ""; // not built (a unit test): the plain path still works
  }
  versions.set(asset, version);
  return version;
}

/** The asset's address with its version: "/site.css?v=0123456789ab". */
export function siteAssetUrl(asset: SiteAssetPath): string {
  const v = assetVersion(asset);
  return v ? `${asset}?v=${v}` : asset;
}
