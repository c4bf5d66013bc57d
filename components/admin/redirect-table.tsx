import Link from "@/components/admin/link";
import { TableScroll } from "@/components/admin/table-scroll";
import { formatDateTime } from "@/lib/format/date";
import { fill } from "@/lib/i18n/fill";
import { redirectQueryString, type RedirectFilter } from "@/lib/redirects/filter";
import { articlePath, type RedirectRow } from "@/lib/redirects/queries";
import { redirectText as L } from "@/lib/redirects/text";

/** The old addresses and where each leads; a target readers cannot see now is marked. */
export function RedirectTable({ rows }: { rows: RedirectRow[] }) {
  if (rows.length === 0) return <p className="gov-card">{L.none}</p>;
  return (
    <TableScroll label={L.title}>
      <table className="data-table gov-table">
        <thead>
          <tr>
            <th scope="col">{L.oldUrl}</th>
            <th scope="col">{L.target}</th>
            <th scope="col">{L.state}</th>
            <th scope="col">{L.createdAt}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.path}>
              <td className="gov-mono">
                {r.oldUrl}
                <div className="muted">
                  {L.path}：{r.path}
                </div>
              </td>
              <td>
                <Link href={`/admin/articles/${r.articleId}`}>{r.title}</Link>
                <div className="muted gov-mono">{articlePath(r.articleId)}</div>
              </td>
              <td>{r.live ? L.live : <strong>{L.notLive}</strong>}</td>
              <td className="gov-mono">{formatDateTime(r.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function RedirectPager({ filter, total, pageSize }: { filter: RedirectFilter; total: number; pageSize: number }) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pageCount);
  const href = (p: number) => `/admin/redirects${redirectQueryString(filter, p)}`;
  return (
    <nav className="gov-pager" aria-label={L.pagination}>
      {page > 1 ? <Link href={href(page - 1)}>← {L.prevPage}</Link> : <span className="muted">← {L.prevPage}</span>}
      <span>
        {fill(L.total, { total })}　{fill(L.pageOf, { page, count: pageCount })}
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>{L.nextPage} →</Link> : <span className="muted">{L.nextPage} →</span>}
    </nav>
  );
}
