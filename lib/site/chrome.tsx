import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { SiteScript } from "@/components/site/site-script-tag";
import { t } from "@/lib/i18n/zh-CN";
import type { SiteFrame } from "./page";

// Apart from document.tsx: the admin's preview (a Next.js server component) shows the same
// frame, and Next.js refuses a component module that imports react-dom/server.
/** The site's frame around a page's content: skip link, header, main, footer and the site script. */
export function SiteChrome({ frame, base, children }: { frame: SiteFrame; base: string; children: ReactNode }) {
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
      <SiteFooter settings={settings} siteUrl={base} />
      <SiteScript />
    </div>
  );
}

