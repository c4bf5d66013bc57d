import Link from "@/components/admin/link";
import { statisticsText as L } from "@/lib/i18n/statistics";
import { describeTable, type DataTable } from "@/lib/statistics/table";
import { StatisticsChart } from "./statistics-chart";
import { TableScroll } from "./table-scroll";

/** A table of numbers as a plain HTML table (the chart's, the report's): a row header first. */
export function StatisticsTable({ table }: { table: DataTable }) {
  if (table.rows.length === 0) return <p className="muted">{L.noData}</p>;
  return (
    <TableScroll label={`${table.title}（数据表）`}>
      <table className="data-table" data-testid={`table-${table.key}`}>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => {
                const href = table.links?.[i];
                const content = href && typeof cell === "string" && j === 1 ? <Link href={href}>{cell}</Link> : cell;
                return j === 0 ? (
                  <th key={j} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={j} className={typeof cell === "number" ? "num" : undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One chart with its numbers under it (a disclosure) and its downloads. */
export function StatisticsSection({ table, exportHref }: { table: DataTable; exportHref: (format: "csv" | "xlsx") => string }) {
  const description = describeTable(table);
  const headingId = `stats-${table.key}`;
  return (
    <section className="gov-card stats-section" aria-labelledby={headingId} data-testid={`stats-section-${table.key}`}>
      <h2 id={headingId}>{table.title}</h2>
      <p className="muted">{table.description}</p>
      {table.rows.length > 0 ? <StatisticsChart table={table} description={description} hint={L.chartKeys} /> : null}
      <details className="stats-table">
        <summary>{L.showTable}</summary>
        <StatisticsTable table={table} />
      </details>
      <p className="stats-downloads">
        <a href={exportHref("csv")} download>
          {L.downloadCsv}
          <span className="visually-hidden">（{table.title}）</span>
        </a>
        <a href={exportHref("xlsx")} download>
          {L.downloadXlsx}
          <span className="visually-hidden">（{table.title}）</span>
        </a>
      </p>
    </section>
  );
}
