import type { Metadata } from "next";
import { SiteChrome } from "@/components/site/site-chrome";
import { EarlyPreferences } from "@/components/site/site-script-tag";
import { requireUser } from "@/lib/auth/session";
import { siteUrl } from "@/lib/env";
import { t } from "@/lib/i18n/zh-CN";
import { loadSiteFrame } from "@/lib/site/frame";
// The public site's styles (app/globals.css comes with the root layout); the public pages
// load the same files bundled as /site.css (scripts/lib/site-assets.ts).
import "@/components/site/styles/site.css";
import "@/components/site/styles/site-lists.css";
import "@/components/site/styles/site-pages.css";
import "@/components/site/styles/site-footer.css";
import "@/components/site/styles/site-article.css";
import "@/components/site/styles/site-modes.css";
import "@/components/site/styles/site-print.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: t.articlesAdmin.preview, robots: { index: false, follow: false } };

/**
 * The editors' preview inside the public site's own frame (chrome and styles, reused
 * as they are), framed by the admin preview page: public paths may be framed by the
 * site itself, admin paths by nobody. Logged-in staff only, never cached, never indexed.
 */
export default async function PreviewLayout({ children }: { children: React.ReactNode }) {
  await requireUser();
  const frame = await loadSiteFrame();
  return (
    <>
      <EarlyPreferences />
      <SiteChrome frame={frame} siteUrl={siteUrl()}>
        {children}
      </SiteChrome>
    </>
  );
}
