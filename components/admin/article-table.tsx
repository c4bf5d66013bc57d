import Link from "@/components/admin/link";
import type { AdminArticleRow, SearchTruncation } from "@/lib/articles/admin-queries";
import { displayTitle } from "@/lib/articles/format";
import { defaultAdminSort, type AdminListFilter } from "@/lib/articles/schema";
import { formatDateTime } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";
import { ArticleRowActions } from "./article-row-actions";
import { fill } from "@/lib/i18n/fill";
import { TableScroll } from "@/components/admin/table-scroll";

/** The list's address with some parameters changed; defaults are left out to keep links short. */
export function listHref(filter: AdminListFilter, patch: Partial<AdminListFilter>): string {
  const merged = { ...filter, ...patch };
  const defaults: Partial<Record<keyof AdminListFilter, unknown>> = { dateField: "updatedAt", sort: defaultAdminSort(merged), dir: "desc", page: 1 };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === null || v === "" || defaults[k as keyof AdminListFilter] === v) continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `/admin/articles?${qs}` : "/admin/articles";
}

function SortHeader({ filter, field, children }: { filter: AdminListFilter; field: AdminListFilter["sort"]; children: React.ReactNode }) {
  const active = filter.sort === field;
  const dir = active && filter.dir === "desc" ? "asc" : "desc";
  return (
    <th scope="col" aria-sort={active ? (filter.dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={listHref(filter, { sort: field, dir, page: 1 })} className="sort-link">
        {children}
        <span aria-hidden="true">{active ? (filter.dir === "asc" ? " ▲" : " ▼") : ""}</span>
      </Link>
    </th>
  );
}

export interface RowPermissions {
  canDelete: boolean;
  canDuplicate: boolean;
}

/** The article list: status, column, who and when, and what this user may do with each. */
export function ArticleTable({ rows, filter, permissions }: { rows: AdminArticleRow[]; filter: AdminListFilter; permissions: Map<number, RowPermissions> }) {
  return (
    <TableScroll label={t.admin.articles}>
      <table className="data-table article-table">
      <thead>
        <tr>
          <SortHeader filter={filter} field="title">
            {t.admin.articleTitle}
          </SortHeader>
          <th scope="col">{t.admin.column}</th>
          <th scope="col">{t.admin.status}</th>
          <th scope="col">{t.articlesAdmin.creator}</th>
          <SortHeader filter={filter} field="publishedAt">
            {t.admin.publishedAt}
          </SortHeader>
          <SortHeader filter={filter} field="updatedAt">
            {t.admin.updatedAt}
          </SortHeader>
          <SortHeader filter={filter} field="viewCount">
            {t.articlesAdmin.views}
          </SortHeader>
          <th scope="col">{t.articlesAdmin.actions}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => {
          const p = permissions.get(a.id) ?? { canDelete: false, canDuplicate: false };
          const title = displayTitle(a.title, a.titleTags);
          return (
            <tr key={a.id}>
              <td className="title-cell">
                <Link href={`/admin/articles/${a.id}`}>{title}</Link>
                {a.pinned && <span className="flag">{t.articlesAdmin.pinned}</span>}
                {a.headline && <span className="flag">{t.articlesAdmin.headline}</span>}
                {a.live && a.status !== "PUBLISHED" && <span className="flag flag-live" title={t.articlesAdmin.liveOldHint}>
                    {t.articlesAdmin.liveOld}
                  </span>}
              </td>
              <td>{a.column.name}</td>
              <td>
                <span className={`badge badge-${a.status.toLowerCase()}`}>{t.admin[`status_${a.status}`]}</span>
                {a.status === "SCHEDULED" && a.scheduledAt && <div className="cell-note">{formatDateTime(a.scheduledAt)}</div>}
              </td>
              <td>{a.createdBy.name}</td>
              <td className="nowrap">{a.publishedAt ? formatDateTime(a.publishedAt) : "—"}</td>
              <td className="nowrap">
                {formatDateTime(a.updatedAt)}
                <div className="cell-note">{a.updatedBy.name}</div>
              </td>
              <td className="num">{a.viewCount.toLocaleString("zh-CN")}</td>
              <td>
                <ArticleRowActions id={a.id} title={title} canDelete={p.canDelete} canDuplicate={p.canDuplicate} />
              </td>
            </tr>
          );
        })}
      </tbody>
      </table>
    </TableScroll>
  );
}

/** While searching: best match first, or the usual order; and a word when only the best matches are listed. */
export function SearchOrder({ filter, truncated }: { filter: AdminListFilter; truncated: SearchTruncation | null }) {
  if (!filter.q) return null;
  const a = t.articlesAdmin;
  const choices = [
    { sort: "relevance", label: a.byRelevance },
    { sort: "updatedAt", label: a.byUpdated },
  ] as const;
  return (
    <div className="search-order">
      <span>{a.sortedBy}：</span>
      {choices.map((c) =>
        filter.sort === c.sort ? (
          <span key={c.sort} aria-current="true" className="current-sort">
            {c.label}
          </span>
        ) : (
          <Link key={c.sort} href={listHref(filter, { sort: c.sort, dir: "desc", page: 1 })}>
            {c.label}
          </Link>
        ),
      )}
      {truncated && <p className="muted">{fill(truncated.newest ? a.searchTruncatedNewest : a.searchTruncated, { n: truncated.matches, shown: truncated.ranked })}</p>}
    </div>
  );
}

/** "共 N 篇", or past the count's cap "超过 N 篇" and how to reach what is not listed. */
function ListTotal({ total, capped, pageCount }: { total: number; capped: boolean; pageCount: number }) {
  return <span className="list-total">{capped ? fill(t.articlesAdmin.totalCapped, { n: total.toLocaleString("zh-CN"), pages: pageCount }) : fill(t.articlesAdmin.total, { n: total })}</span>;
}

export function ListPagination({ filter, page, pageCount, total, capped }: { filter: AdminListFilter; page: number; pageCount: number; total: number; capped: boolean }) {
  if (pageCount <= 1) return <p><ListTotal total={total} capped={capped} pageCount={pageCount} /></p>;
  const pages = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return (
    <nav className="list-pagination" aria-label={t.articlesAdmin.pagination}>
      <ListTotal total={total} capped={capped} pageCount={pageCount} />
      {page > 1 && <Link href={listHref(filter, { page: page - 1 })}>{t.editor.previousPage}</Link>}
      {pages.map((p, i) => (
        <span key={p}>
          {i > 0 && pages[i - 1] !== p - 1 && <span className="muted">…</span>}
          {p === page ? (
            <span aria-current="page" className="current-page">
              {p}
            </span>
          ) : (
            <Link href={listHref(filter, { page: p })}>{p}</Link>
          )}
        </span>
      ))}
      {page < pageCount && <Link href={listHref(filter, { page: page + 1 })}>{t.editor.nextPage}</Link>}
    </nav>
  );
}
