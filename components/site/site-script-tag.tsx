import { siteAssetUrl, SITE_SCRIPT_PATH } from "@/lib/site/assets";
import { EARLY_PREFS_SCRIPT } from "@/lib/security/reader-prefs.mjs";

/** The reader's stored preferences, applied before the first paint (allowed by its hash in every CSP). */
export function EarlyPreferences() {
  return <script dangerouslySetInnerHTML={{ __html: EARLY_PREFS_SCRIPT }} />;
}

/** The public site's one script (components/site/site-script.ts), run once the page is parsed. */
export function SiteScript() {
  return <script src={siteAssetUrl(SITE_SCRIPT_PATH)} defer />;
}
