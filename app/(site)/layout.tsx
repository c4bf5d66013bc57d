import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { getColumnTree } from "@/lib/columns/queries";
import { t } from "@/lib/i18n/zh-CN";
import { getSiteSettings } from "@/lib/settings/queries";
import "./site.css";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [settings, columns] = await Promise.all([getSiteSettings(), getColumnTree()]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t.common.skipToContent}
      </a>
      <SiteHeader siteName={settings.siteName} columns={columns} />
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter settings={settings} />
    </>
  );
}
