import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { TableScroll } from "@/components/admin/table-scroll";
import { requireRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { fill } from "@/lib/i18n/fill";
import { annualReportText as R } from "@/lib/i18n/statistics";
import { ANNUAL_FIGURES, figureDef } from "@/lib/statistics/annual-figures";
import { ITEMS_PAGE_SIZE, reportItems } from "@/lib/statistics/annual-report";
import { parseReportYear } from "@/lib/statistics/filters";
import { ANNUAL_REPORT_ROLES } from "@/lib/statistics/scope";

export const metadata: Metadata = { title: R.title };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** What a figure of the 年度报表 counts: the articles (or columns) behind the number. */
export default async function AnnualReportItemsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireRole(...ANNUAL_REPORT_ROLES);
  const params = await searchParams;
  const { year, problem } = parseReportYear(params.year);
  const asked = figureDef(one(params.figure));
  const figure = asked && asked.kind !== "views" ? asked : ANNUAL_FIGURES[0];
  const columnId = /^\d{1,9}$/.test(one(params.column)) ? Number(one(params.column)) : null;
  const page = /^\d{1,6}$/.test(one(params.page)) ? Math.max(1, Number(one(params.page))) : 1;
  const items = await reportItems(figure, year, page, { columnId: figure.kind === "articles" ? columnId : null });
  const pageCount = Math.max(1, Math.ceil(items.total / ITEMS_PAGE_SIZE));
  const pageHref = (n: number) => `?year=${year}&figure=${figure.key}${columnId ? `&column=${columnId}` : ""}&page=${n}`;
  const title = fill(R.itemsTitle, { year, label: `${figure.section} · ${figure.label}` });
  return (
    <section className="gov-page">
      <header className="gov-page-header">
        <div>
          <h1>{title}</h1>
          <p className="muted">
            {figure.basis}。{fill(R.itemsIntro, { count: items.total })}
          </p>
        </div>
        <Link href={`/admin/statistics/annual-report?year=${year}`}>{R.back}</Link>
      </header>
      {problem || (one(params.figure) && figure !== asked) ? (
        <p className="gov-notice" role="status">
          {problem ?? R.unknownFigure}
        </p>
      ) : null}
      <TableScroll label={title}>
        {items.kind === "articles" ? (
          <table className="data-table" data-testid="annual-items">
            <thead>
              <tr>
                <th scope="col">{R.publishedAt}</th>
                <th scope="col">标题</th>
                <th scope="col">栏目</th>
                <th scope="col">{R.status}</th>
              </tr>
            </thead>
            <tbody>
              {items.rows.map((a) => (
                <tr key={a.id}>
                  <td>{formatDateTime(a.publishedAt)}</td>
                  <th scope="row">
                    <Link href={`/admin/articles/${a.id}`}>{a.title}</Link>
                  </th>
                  <td>{a.columnName}</td>
                  <td>{a.live ? R.live : R.withdrawn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table className="data-table" data-testid="annual-items">
            <thead>
              <tr>
                <th scope="col">栏目</th>
                <th scope="col">{R.createdAt}</th>
                <th scope="col">{R.articlesInYear}</th>
              </tr>
            </thead>
            <tbody>
              {items.rows.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link href={`/admin/columns/${c.id}`}>{c.name}</Link>
                  </th>
                  <td>{formatDateTime(c.createdAt)}</td>
                  <td className="num">{c.articles}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </TableScroll>
      {pageCount > 1 ? (
        <nav className="gov-pager" aria-label="分页">
          {page > 1 ? <Link href={pageHref(page - 1)}>← 上一页</Link> : null}
          <span>
            第 {page} / {pageCount} 页
          </span>
          {page < pageCount ? <Link href={pageHref(page + 1)}>下一页 →</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
