import { t } from "@/lib/i18n/zh-CN";
import { HTTP_STATUS_ATTRIBUTE } from "@/lib/security/plain-html.mjs";

/**
 * 404 for unknown addresses, drafts, scheduled and unknown articles and columns. The
 * cached routes (articles, columns) render it as their page rather than calling
 * notFound(), so that the answer is cached and plain like every reading page; it asks
 * the page cache for status 404 with HTTP_STATUS_ATTRIBUTE (see withdrawn-notice.tsx).
 */
export function NotFoundNotice() {
  const props = { [HTTP_STATUS_ATTRIBUTE]: "404" };
  return (
    <div className="container">
      <section className="sheet not-found" aria-labelledby="not-found-title" {...props}>
        <p className="not-found-code" aria-hidden="true">
          404
        </p>
        <h1 id="not-found-title">{t.common.notFound}</h1>
        <p>{t.common.notFoundHint}</p>
        <p className="not-found-links">
          <a href="/">{t.common.backHome}</a>
          <a href="/sitemap">{t.site.siteMap}</a>
        </p>
      </section>
    </div>
  );
}
