import { t } from "@/lib/i18n/zh-CN";

/** 404 for unknown addresses, drafts, scheduled and unknown articles and columns. */
export default function NotFound() {
  return (
    <div className="container">
      <section className="sheet not-found" aria-labelledby="not-found-title">
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
