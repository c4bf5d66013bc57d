/**
 * Builds the public site's one script (components/site/site-script.entry.ts) into
 * public/site.js: bundled, minified, no framework. Run by `npm run build` and
 * `npm run dev` before Next.js starts; the pages reference it with a version query
 * (components/site/site-script-tag.tsx).
 */
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

export const SITE_SCRIPT_FILE = path.join("public", "site.js");

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
  fs.mkdirSync(path.dirname(SITE_SCRIPT_FILE), { recursive: true });
  // Write then rename: a server already running never reads half a file.
  const tmp = `${SITE_SCRIPT_FILE}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, result.outputFiles[0].contents);
  fs.renameSync(tmp, SITE_SCRIPT_FILE);
}
