import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { EARLY_PREFS_SCRIPT } from "@/lib/security/reader-prefs.mjs";
import { SITE_SCRIPT_PATH } from "@/lib/security/plain-html.mjs";

let version: string | undefined;

/** A short hash of the built script, so a new build is never served from an old cache. */
function siteScriptVersion(): string {
  if (version !== undefined) return version;
  try {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "public", SITE_SCRIPT_PATH);
    version = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex").slice(0, 12);
  } catch {
    version = ""; // not built (a unit test): the plain path still works
  }
  return version;
}

/** The reader's stored preferences, applied before the first paint (allowed by its hash in every CSP). */
export function EarlyPreferences() {
  return <script dangerouslySetInnerHTML={{ __html: EARLY_PREFS_SCRIPT }} />;
}

/** The public site's one script (components/site/site-script.ts), run once the page is parsed. */
export function SiteScript() {
  const v = siteScriptVersion();
  return <script src={v ? `${SITE_SCRIPT_PATH}?v=${v}` : SITE_SCRIPT_PATH} defer />;
}
