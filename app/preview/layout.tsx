import type { Metadata } from "next";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { requireUser } from "@/lib/auth/session";
import { getColumnTree } from "@/lib/columns/queries";
import { siteUrl } from "@/lib/env";
import { getSiteSettings } from "@/lib/settings/queries";
import "../(site)/site.css";
import "../(site)/site-article.css";
import "../(site)/site-modes.css";
import "../(site)/site-print.css";
import { t } from "@/lib/i18n/zh-CN";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: t.articlesAdmin.preview, robots: { index: false, follow: false } };

/**
 * The editors' preview in the public site's own chrome and styles, framed by the admin
 * preview page (public paths may be framed by the site itself; admin paths by nobody).
 * Logged-in staff only, never cached, never indexed.
 */
export default async function PreviewLayout({ children }: { children: React.ReactNode }) {
  await requireUser();
  const [settings, columns] = await Promise.all([getSiteSettings(), getColumnTree()]);
  return (
    <div className="site-root">
      <SiteHeader siteName={settings.siteName} logo={settings.logo} columns={columns} />
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter settings={settings} siteUrl={siteUrl()} />
    </div>
  );
}
