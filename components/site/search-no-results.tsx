import type { ArticleListItem } from "@/lib/articles/queries";
import { t } from "@/lib/i18n/zh-CN";
import { searchHref, type SearchRequest } from "@/lib/search/params";
import { ArticleList } from "./article-list";

/**
 * No results: say so plainly, offer to drop the filters when there are some, give
 * concrete tips for Chinese queries, and the latest articles as somewhere to go next.
 */
export function SearchNoResults({ request, latest }: { request: SearchRequest; latest: ArticleListItem[] }) {
  const s = t.search;
  const filtered = Boolean(request.column || request.from || request.to);
  return (
    <div className="search-empty" data-testid="search-no-results">
      <p className="search-empty-lead">{(filtered ? s.noResultsFiltered : s.noResults).replace("{q}", request.q)}</p>
      {filtered && (
        <p>
          <a href={searchHref({ q: request.q, column: null, from: null, to: null, sort: request.sort })}>
            {s.searchEverywhere.replace("{q}", request.q)}
          </a>
        </p>
      )}
      <p className="search-empty-tips-title">{s.tipsTitle}</p>
      <ul className="search-empty-tips">
        <li>{s.tipSpelling}</li>
        <li>{s.tipShorter}</li>
        <li>{s.tipFewer}</li>
        <li>{s.tipBrowse}</li>
      </ul>
      {latest.length > 0 && (
        <section aria-labelledby="search-latest-heading" className="search-latest">
          <h2 id="search-latest-heading">{s.latest}</h2>
          <ArticleList items={latest} />
        </section>
      )}
    </div>
  );
}
