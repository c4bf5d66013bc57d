import { t } from "@/lib/i18n/zh-CN";

/** Page links for a column listing: page 1 is the column's own URL, page n is …/page/n. */
export function pageHref(basePath: string, page: number): string {
  return page <= 1 ? basePath : `${basePath}/page/${page}`;
}

/** The page numbers shown: first, last, and two either side of the current one. */
export function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const pages = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === "number" && p - last > 1) out.push("gap");
    out.push(p);
  }
  return out;
}

export function Pagination({ basePath, page, pageCount, total }: { basePath: string; page: number; pageCount: number; total: number }) {
  const s = t.site;
  if (pageCount <= 1) return <p className="pagination-summary">{s.totalItems.replace("{total}", String(total))}</p>;
  return (
    <nav className="pagination" aria-label={s.pagination}>
      <p className="pagination-summary">
        {s.totalItems.replace("{total}", String(total))}　{s.pageOf.replace("{page}", String(page)).replace("{count}", String(pageCount))}
      </p>
      <ul>
        <li>{page > 1 ? <a href={pageHref(basePath, page - 1)} rel="prev">{s.prevPage}</a> : <span aria-disabled="true">{s.prevPage}</span>}</li>
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
                <a href={pageHref(basePath, p)} aria-label={s.pageNumber.replace("{page}", String(p))}>
                  {p}
                </a>
              )}
            </li>
          ),
        )}
        <li>{page < pageCount ? <a href={pageHref(basePath, page + 1)} rel="next">{s.nextPage}</a> : <span aria-disabled="true">{s.nextPage}</span>}</li>
      </ul>
    </nav>
  );
}
