import type { Metadata } from "next";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { EarlyPreferences, SiteScript } from "@/components/site/site-script-tag";
import { getColumnTree } from "@/lib/columns/queries";
import { siteUrl } from "@/lib/env";
import { t } from "@/lib/i18n/zh-CN";
import { getSiteSettings } from "@/lib/settings/queries";
import "./site.css";
import "./site-lists.css";
import "./site-pages.css";
import "./site-footer.css";
import "./site-article.css";
import "./site-modes.css";
import "./site-print.css";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: settings.siteName, template: `%s - ${settings.siteName}` },
    description: t.site.siteDescription.replace("{site}", settings.siteName),
    openGraph: { siteName: settings.siteName, locale: "zh_CN", type: "website" },
    alternates: { types: { "application/rss+xml": [{ url: "/feed.xml", title: settings.siteName }] } },
    formatDetection: { telephone: false, address: false, email: false },
  };
}

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [settings, columns] = await Promise.all([getSiteSettings(), getColumnTree()]);
  return (
    // Plain pages: cached without the framework runtime (lib/security/plain-html.mjs).
    <div className="site-root" data-plain-page="">
      <EarlyPreferences />
      <a className="skip-link" href="#main">
        {t.common.skipToContent}
      </a>
      <SiteHeader siteName={settings.siteName} logo={settings.logo} columns={columns} />
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter settings={settings} siteUrl={siteUrl()} />
      <SiteScript />
    </div>
  );
}
