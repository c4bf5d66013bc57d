import { t } from "@/lib/i18n/zh-CN";

/**
 * A page that answers with an error status (404, 410) in the site's own layout. The
 * status itself is the renderer's (lib/site/render.ts): the page's loader says it.
 */
export function StatusNotice({ status, title, children }: { status: 404 | 410; title: string; children: React.ReactNode }) {
  return (
    <div className="container">
      <section className="sheet not-found" aria-labelledby="status-title">
        <p className="not-found-code" aria-hidden="true">
          {status}
        </p>
        <h1 id="status-title">{title}</h1>
        <p>{children}</p>
        <p className="not-found-links">
          <a href="/">{t.common.backHome}</a>
          <a href="/sitemap">{t.site.siteMap}</a>
        </p>
      </section>
    </div>
  );
}
