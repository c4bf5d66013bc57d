import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { AnnualReportDraftForm } from "@/components/admin/annual-report-draft-form";
import { TableScroll } from "@/components/admin/table-scroll";
import { columnChoicesFor } from "@/lib/articles/admin-queries";
import { requireRole } from "@/lib/auth/session";
import { fill } from "@/lib/i18n/fill";
import { annualReportText as R } from "@/lib/i18n/statistics";
import { annualReport, overviewColumnAmong, reportYears } from "@/lib/statistics/annual-report";
import { parseReportYear } from "@/lib/statistics/filters";
import { todayInSiteZone } from "@/lib/statistics/period";
import { ANNUAL_REPORT_ROLES } from "@/lib/statistics/scope";

export const metadata: Metadata = { title: R.title };

const itemsHref = (year: number, figure: string, column?: number) => `/admin/statistics/annual-report/items?year=${year}&figure=${figure}${column ? `&column=${column}` : ""}`;

export default async function AnnualReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole(...ANNUAL_REPORT_ROLES);
  const { year, problem } = parseReportYear((await searchParams).year);
  const [report, years, columns] = await Promise.all([annualReport(year), reportYears(Number(todayInSiteZone().slice(0, 4))), columnChoicesFor(user)]);
  const defaultColumnId = await overviewColumnAmong(columns.map((c) => c.id));
  return (
    <section className="gov-page">
      <header className="gov-page-header">
        <div>
          <h1>{R.title}</h1>
          <p className="muted">{R.intro}</p>
        </div>
        <a href={`/admin/statistics/annual-report/export?year=${year}`} className="button" download>
          {R.export}
        </a>
      </header>
      <form method="get" action="/admin/statistics/annual-report" className="gov-filters" aria-label={R.chooseYear}>
        <div className="field">
          <label htmlFor="report-year">{R.year}</label>
          <select id="report-year" name="year" defaultValue={year}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button">
            {R.apply}
          </button>
        </div>
      </form>
      {problem ? (
        <p className="gov-notice" role="status">
          {problem}
        </p>
      ) : null}
      <div className="gov-card">
        <TableScroll label={`${year}${R.title}`}>
          <table className="data-table" data-testid="annual-report">
            <caption className="visually-hidden">{`${year}${R.title}`}</caption>
            <thead>
              <tr>
                <th scope="col">{R.section}</th>
                <th scope="col">{R.item}</th>
                <th scope="col">{R.value}</th>
                <th scope="col">{R.basis}</th>
              </tr>
            </thead>
            <tbody>
              {report.figures.map(({ def, value, withdrawn }) => (
                <FigureRows key={def.key} year={year} section={def.section} label={def.label} basis={def.basis} unit={def.unit} value={value} withdrawn={withdrawn} href={def.kind === "views" ? `/admin/statistics?from=${year}-01-01&to=${year}-12-31&bucket=month` : itemsHref(year, def.key)}>
                  {def.key === "interpretations"
                    ? report.interpretationColumns.map((c) => (
                        <FigureRows key={c.id} year={year} section={def.section} label={`其中：${c.name}`} basis={`栏目“${c.name}”中发布的文章`} unit={def.unit} value={c.count} withdrawn={c.withdrawn} href={itemsHref(year, def.key, c.id)} />
                      ))
                    : null}
                </FigureRows>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <div className="gov-card">
        <p>{R.withdrawnNote}</p>
        <p>{R.interpretationNote}</p>
        <p>{R.viewsNote}</p>
      </div>
      <section className="gov-card" aria-labelledby="annual-draft">
        <h2 id="annual-draft">{R.draftTitle}</h2>
        <p className="muted">{R.draftIntro}</p>
        <AnnualReportDraftForm year={year} columns={columns} defaultColumnId={defaultColumnId} />
      </section>
    </section>
  );
}

function FigureRows(props: { year: number; section: string; label: string; basis: string; unit: string; value: number; withdrawn: number; href: string; children?: React.ReactNode }) {
  return (
    <>
      <tr>
        <td>{props.section}</td>
        <th scope="row">{props.label}</th>
        <td className="num">
          <Link href={props.href} aria-label={`${props.label} ${props.value} ${props.unit}，${R.seeItems}`}>
            {props.value} {props.unit}
          </Link>
          {props.withdrawn > 0 ? <span className="stats-figure-withdrawn muted">{fill(R.withdrawnOf, { count: props.withdrawn })}</span> : null}
        </td>
        <td>{props.basis}</td>
      </tr>
      {props.children}
    </>
  );
}
