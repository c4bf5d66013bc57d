import { FRAME_TAGS, TAGS } from "@/lib/cache/tags";
import { Breadcrumb } from "@/components/site/breadcrumb";
import { SearchForm } from "@/components/site/search-form";
import { SearchNoResults } from "@/components/site/search-no-results";
import { SearchPagination } from "@/components/site/search-pagination";
import { SearchResults } from "@/components/site/search-results";
import { listLatestArticles, type ArticleListItem } from "@/lib/articles/queries";
import type { ColumnNode } from "@/lib/columns/queries";
import { t } from "@/lib/i18n/zh-CN";
import { MAX_PAGE, PAGE_SIZE, parseSearchQuery, type SearchRequest } from "@/lib/search/params";
import { searchPublicArticles, type PublicSearchResult } from "@/lib/search/public";
import type { HtmlPage, RenderContext } from "../page";

export interface SearchPageData {
  request: SearchRequest;
  columns: ColumnNode[];
  result: PublicSearchResult | null;
  /** The newest articles, offered when a search finds nothing. */
  latest: ArticleListItem[];
}

export async function loadSearchPage(ctx: RenderContext): Promise<SearchPageData> {
  const request = parseSearchQuery(ctx.query);
  const [frame, result] = await Promise.all([ctx.frame(), request.q ? searchPublicArticles(request) : null]);
  const latest = result?.searchable && result.total === 0 ? await listLatestArticles(5) : [];
  return { request, columns: frame.columns, result, latest };
}

export function SearchPage({ request, columns, result, latest }: SearchPageData) {
  const s = t.search;
  const pageCount = Math.min(result?.pageCount ?? 0, MAX_PAGE);
  const shown = pageCount * PAGE_SIZE;
  return (
    <div className="container search-page">
      <Breadcrumb items={[{ label: s.title }]} />
      <section className="sheet search-main" aria-labelledby="search-heading">
        <h1 id="search-heading">{s.title}</h1>
        <SearchForm request={request} columns={columns} />
        {request.ignored.length > 0 && (
          <p className="search-note">{s.ignored.replace("{fields}", request.ignored.map((f) => s[`ignoredField_${f}`]).join("、"))}</p>
        )}
        {!result ? (
          <p className="search-note">{s.start}</p>
        ) : !result.searchable ? (
          <p className="search-note">{s.unsearchable}</p>
        ) : result.total === 0 ? (
          <SearchNoResults request={request} latest={latest} />
        ) : (
          <>
            <p className="search-summary">
              {(result.capped ? s.summaryCapped : result.total > shown ? s.summaryShown : result.exactTotal ? s.summary : s.summaryApprox)
                .replace("{total}", result.total.toLocaleString("zh-CN"))
                .replace("{shown}", shown.toLocaleString("zh-CN"))}
            </p>
            <SearchResults hits={result.hits} offset={(request.page - 1) * PAGE_SIZE} />
            <SearchPagination request={request} pageCount={pageCount} />
          </>
        )}
      </section>
    </div>
  );
}

/**
 * /search?q=…: kept in the search cache under its canonical query (searchCacheKey) until
 * any article, column or setting changes — a publish, edit or withdraw drops every
 * search page on every instance, through the articles tag.
 */
export async function searchPage(ctx: RenderContext): Promise<HtmlPage> {
  const data = await loadSearchPage(ctx);
  const q = data.request.q;
  return {
    status: 200,
    // Result pages are endless and change all the time: keep them out of search engines.
    head: { title: q ? t.search.resultsTitle.replace("{q}", q) : t.search.title, robots: "noindex, follow" },
    content: <SearchPage {...data} />,
    tags: [...FRAME_TAGS, TAGS.articles],
  };
}
