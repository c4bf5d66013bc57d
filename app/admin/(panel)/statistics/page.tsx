import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { StatisticsFilters } from "@/components/admin/statistics-filters";
import { StatisticsSection } from "@/components/admin/statistics-section";
import { requireRole } from "@/lib/auth/session";
import { statisticsText as L } from "@/lib/i18n/statistics";
import { statisticsQuery } from "@/lib/statistics/filters";
import { loadStatistics } from "@/lib/statistics/load";
import { ANNUAL_REPORT_ROLES, STATISTICS_ROLES } from "@/lib/statistics/scope";

export const metadata: Metadata = { title: L.title };

export default async function StatisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole(...STATISTICS_ROLES);
  const { filter, columns, tables, problems } = await loadStatistics(user, await searchParams);
  return (
    <section className="gov-page">
      <header className="gov-page-header">
        <div>
          <h1>{L.title}</h1>
          <p className="muted">{L.intro}</p>
        </div>
        {ANNUAL_REPORT_ROLES.includes(user.role) ? (
          <Link href="/admin/statistics/annual-report" className="button">
            {L.annualReportLink}
          </Link>
        ) : null}
      </header>
      <StatisticsFilters filter={filter} columns={columns} />
      {problems.length > 0 ? (
        <div className="gov-notice" role="status" data-testid="statistics-problems">
          <p>{L.problems}：</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {tables.map((table) => (
        <StatisticsSection
          key={table.key}
          table={table}
          exportHref={(format) => `/admin/statistics/export${statisticsQuery(filter, { table: table.key, format })}`}
        />
      ))}
    </section>
  );
}
