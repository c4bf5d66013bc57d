import { formatDate } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";
import { HTTP_STATUS_ATTRIBUTE } from "@/lib/security/plain-html.mjs";

/**
 * What a withdrawn article's address shows (撤稿): that it was taken down on purpose,
 * and when — never why (the editor's reason is internal). The page is answered with
 * 410 Gone: a page cannot set its status, so it says so with HTTP_STATUS_ATTRIBUTE and
 * the page cache stores it with that status (lib/security/csp-cache-handler.mjs).
 */
export function WithdrawnNotice({ withdrawnAt }: { withdrawnAt: Date }) {
  const props = { [HTTP_STATUS_ATTRIBUTE]: "410" };
  return (
    <div className="container">
      <section className="sheet not-found" aria-labelledby="withdrawn-title" {...props}>
        <p className="not-found-code" aria-hidden="true">
          410
        </p>
        <h1 id="withdrawn-title">{t.site.withdrawnTitle}</h1>
        <p>{t.site.withdrawnBody.replace("{date}", formatDate(withdrawnAt))}</p>
        <p className="not-found-links">
          <a href="/">{t.common.backHome}</a>
          <a href="/sitemap">{t.site.siteMap}</a>
        </p>
      </section>
    </div>
  );
}
