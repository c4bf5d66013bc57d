import Link from "next/link";
import { t } from "@/lib/i18n/zh-CN";
import type { SiteSettings } from "@/lib/settings/queries";

export function SiteFooter({ settings }: { settings: SiteSettings }) {
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="footer-links">
          <Link href="/sitemap">{t.site.siteMap}</Link>
        </p>
        <p>{settings.siteName}</p>
        <p>
          {settings.host} {t.site.host}　{settings.maintainer} {t.site.maintainer}
        </p>
        <p>
          {t.site.address}：{settings.address}　{t.site.postcode}：{settings.postcode}
        </p>
        <p>
          {t.site.phone}：{settings.phone}　{settings.psbFiling}
        </p>
        <p>
          {settings.icpFiling}　{t.site.siteCode}：{settings.siteCode}
        </p>
      </div>
    </footer>
  );
}
