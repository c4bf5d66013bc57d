import type { Metadata } from "next";
import { Breadcrumb } from "@/components/site/breadcrumb";
import { SearchForm } from "@/components/site/search-form";
import { SearchNoResults } from "@/components/site/search-no-results";
import { SearchPagination } from "@/components/site/search-pagination";
import { SearchResults } from "@/components/site/search-results";
import { listLatestArticles } from "@/lib/articles/queries";
import { getColumnTree } from "@/lib/columns/queries";
import { t } from "@/lib/i18n/zh-CN";
import { MAX_PAGE, PAGE_SIZE, parseSearchParams } from "@/lib/search/params";
import { searchPublicArticles } from "@/lib/search/public";
import "./search.css";

// Depends on the query: rendered per request, never cached (the index query is fast).
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const request = parseSearchParams(await searchParams);
  return {
    title: request.q ? t.search.resultsTitle.replace("{q}", request.q) : t.search.title,
    // Result pages are endless and change all the time: keep them out of search engines.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const s = t.search;
  const request = parseSearchParams(await searchParams);
  const [columns, result] = await Promise.all([getColumnTree(), request.q ? searchPublicArticles(request) : null]);
  const latest = result?.searchable && result.total === 0 ? await listLatestArticles(5) : [];
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
