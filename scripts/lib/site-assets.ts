/**
 * Builds the public site's two assets into public/: its one script
 * (components/site/site-script.entry.ts → public/site.js: bundled, minified, no
 * framework) and its one style sheet (components/site/styles/site.entry.css →
 * public/site.css: the shared base and the site's files, bundled and minified). Run by
 * `npm run build` and `npm run dev` before the server starts; the pages reference them
 * with a version query (lib/site/assets.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

export const SITE_SCRIPT_FILE = path.join("public", "site.js");
export const SITE_STYLE_FILE = path.join("public", "site.css");

/** Write then rename: a server already running never reads half a file. */
function writeAtomically(file: string, contents: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

export async function buildSiteScript(): Promise<void> {
  const result = await build({
    entryPoints: ["components/site/site-script.entry.ts"],
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2019", "chrome70", "safari12", "firefox68"],
    platform: "browser",
    // lib/format/date.ts reads the display zone from the server's environment; the page hands it to the script instead.
    define: { "process.env.DISPLAY_TIME_ZONE": "undefined" },
    legalComments: "none",
    write: false,
    logLevel: "warning",
  });
  writeAtomically(SITE_SCRIPT_FILE, result.outputFiles[0].contents);
}

export async function buildSiteStyle(): Promise<void> {
  const result = await build({
    entryPoints: ["components/site/styles/site.entry.css"],
    bundle: true,
    minify: true,
    // The same browsers as the script: keeps nesting-free, prefixed output for old 政务 desktops.
    target: ["chrome70", "safari12", "firefox68"],
    legalComments: "none",
    write: false,
    logLevel: "warning",
  });
  writeAtomically(SITE_STYLE_FILE, result.outputFiles[0].contents);
}

/** Both assets: public/site.js and public/site.css. */
export async function buildSiteAssets(): Promise<void> {
  await Promise.all([buildSiteScript(), buildSiteStyle()]);
}
