import { t } from "@/lib/i18n/zh-CN";
import { HTTP_STATUS_ATTRIBUTE } from "@/lib/security/plain-html.mjs";

/**
 * A page that answers with an error status (404, 410) in the site's own layout. A page
 * cannot set its status, so the notice asks for it with HTTP_STATUS_ATTRIBUTE and the
 * page cache answers with that status (lib/security/csp-cache-handler.mjs). The
 * attribute comes first on the <section> (STATUS_NOTICE_TAG): the cache reads it only
 * there (lib/security/plain-html.mjs).
 */
export function StatusNotice({ status, title, children }: { status: 404 | 410; title: string; children: React.ReactNode }) {
  const props = { [HTTP_STATUS_ATTRIBUTE]: String(status) };
  return (
    <div className="container">
      <section {...props} className="sheet not-found" aria-labelledby="status-title">
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
