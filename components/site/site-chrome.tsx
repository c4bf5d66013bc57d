import type { ReactNode } from "react";
import { t } from "@/lib/i18n/zh-CN";
import type { SiteFrame } from "@/lib/site/page";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";
import { SiteScript } from "./site-script-tag";

/**
 * The site's frame around a page's content: skip link, header, main, footer and the site
 * script. The public document (lib/site/document.tsx) and the editors' preview
 * (app/preview/layout.tsx) draw the same.
 */
export function SiteChrome({ frame, siteUrl, children }: { frame: SiteFrame; siteUrl: string; children: ReactNode }) {
  const { settings, columns } = frame;
  return (
    <div className="site-root">
      <a className="skip-link" href="#main">
        {t.common.skipToContent}
      </a>
      <SiteHeader siteName={settings.siteName} logo={settings.logo} columns={columns} />
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter settings={settings} siteUrl={siteUrl} />
      <SiteScript />
    </div>
  );
}
