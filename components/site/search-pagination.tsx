import { t } from "@/lib/i18n/zh-CN";
import { searchHref, type SearchRequest } from "@/lib/search/params";
import { pageWindow } from "./pagination";

/** Page links for a search: the same look as the column listings, with the query kept in the URL. */
export function SearchPagination({ request, pageCount }: { request: SearchRequest; pageCount: number }) {
  return <QueryPagination page={request.page} pageCount={pageCount} href={(p) => searchHref(request, p)} />;
}

/** Page links whose addresses carry a query (a search, the 公开目录's filters): `href` makes each one. */
export function QueryPagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const s = t.site;
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={s.pagination}>
      <p className="pagination-summary">{s.pageOf.replace("{page}", String(page)).replace("{count}", String(pageCount))}</p>
      <ul>
        <li>{page > 1 ? <a href={href(page - 1)} rel="prev">{s.prevPage}</a> : <span aria-disabled="true">{s.prevPage}</span>}</li>
        {pageWindow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page">{p}</span>
              ) : (
                <a href={href(p)} aria-label={`第 ${p} 页`}>
                  {p}
                </a>
              )}
            </li>
          ),
        )}
        <li>{page < pageCount ? <a href={href(page + 1)} rel="next">{s.nextPage}</a> : <span aria-disabled="true">{s.nextPage}</span>}</li>
      </ul>
    </nav>
  );
}
