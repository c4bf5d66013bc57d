import Link from "@/components/admin/link";
import { TableScroll } from "@/components/admin/table-scroll";
import { formatDateTime } from "@/lib/format/date";
import { HEALTH_CHECKS, type Finding } from "@/lib/health/finding";
import type { listRecentRuns } from "@/lib/health/queries";
import type { HealthReport } from "@/lib/health/report";
import type { VetoItem } from "@/lib/health/staleness";
import { healthText as H } from "@/lib/health/text";
import { fill } from "@/lib/i18n/fill";

/** The parts of the 站点体检 page: the veto items, the findings, the columns' update table and the trend. */
const STATE_BADGE = { PASSED: "badge-published", FAILED: "badge-withdrawn", ERROR: "badge-withdrawn", RUNNING: "badge-scheduled", INTERRUPTED: "badge-in_review" } as const;

export function HealthStateBadge({ state }: { state: keyof typeof STATE_BADGE }) {
  return <span className={`badge ${STATE_BADGE[state]}`}>{H.status[state]}</span>;
}

/** A table in its scrolling region, with its column headers: the four tables of the page. */
function HealthTable({ label, testId, headers, children }: { label: string; testId: string; headers: readonly string[]; children: React.ReactNode }) {
  return (
    <TableScroll label={label}>
      <table className="data-table gov-table" data-testid={testId}>
        <thead>
          <tr>
            {headers.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}

function vetoValue(item: VetoItem, value: number | null) {
  return value === null ? H.message.homeNever : fill(H.veto[item.key].unit, { n: value });
}

export function HealthVetoTable({ veto }: { veto: VetoItem[] }) {
  return (
    <HealthTable label={H.vetoHeading} testId="health-veto" headers={[H.vetoItem, H.vetoCurrent, H.vetoThreshold, H.vetoResult]}>
          {veto.map((item) => (
            <tr key={item.key}>
              <td className="gov-cell-wrap">
                {H.veto[item.key].label}
                <br />
                <span className="muted">{H.veto[item.key].rule}</span>
              </td>
              <td>{vetoValue(item, item.current)}</td>
              <td>{fill(H.veto[item.key].threshold, { n: item.threshold })}</td>
              <td>
                {item.failed ? (
                  <span className="badge badge-withdrawn">{H.vetoFailed}</span>
                ) : item.close ? (
                  <span className="badge badge-in_review">{H.vetoClose}</span>
                ) : (
                  <span className="badge badge-published">{H.vetoOk}</span>
                )}
              </td>
            </tr>
          ))}
    </HealthTable>
  );
}

export function HealthFindings({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <p className="muted">{H.noFindings}</p>;
  return (
    <div className="health-findings" data-testid="health-findings">
      {HEALTH_CHECKS.map((check) => {
        const list = findings.filter((f) => f.check === check);
        if (!list.length) return null;
        return (
          <section key={check} aria-labelledby={`health-${check}`}>
            <h3 id={`health-${check}`}>
              {H.checks[check]}（{list.length}）
            </h3>
            <ul className="health-list">
              {list.map((f, i) => (
                <li key={i} className={`health-${f.severity}`}>
                  <span>{f.message}</span> <Link href={f.fixHref}>{f.fixLabel}</Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

export function HealthColumnTable({ report }: { report: HealthReport }) {
  return (
    <HealthTable label={H.columnsHeading} testId="health-columns" headers={[H.column, H.category, H.period, H.lastUpdated, H.deadline, H.vetoResult]}>
          {report.columns.map((c) => (
            <tr key={c.id} className={c.state === "hidden" ? "gov-row-muted" : undefined}>
              <td>
                {"　".repeat(c.depth)}
                <Link href={`/admin/columns/${c.id}`}>{c.name}</Link>
              </td>
              <td>{c.category}</td>
              <td>{c.periodDays === null ? H.noPeriod : fill(H.periodDays, { days: c.periodDays })}</td>
              <td>{c.lastUpdated ?? <span className="muted">{H.never}</span>}</td>
              <td>{c.deadline ?? "—"}</td>
              <td>
                {c.state === "overdue" || c.state === "blank" ? (
                  <span className="badge badge-withdrawn">{H.columnState[c.state]}</span>
                ) : (
                  <span className={c.state === "ok" ? "badge badge-published" : "muted"}>{H.columnState[c.state]}</span>
                )}
              </td>
            </tr>
          ))}
    </HealthTable>
  );
}

export function HealthTrend({ runs }: { runs: Awaited<ReturnType<typeof listRecentRuns>> }) {
  return (
    <HealthTable label={H.trendHeading} testId="health-trend" headers={[H.startedAt, H.vetoResult, ...HEALTH_CHECKS.map((check) => H.checks[check])]}>
          {runs.map((r) => (
            <tr key={r.id}>
              <td>
                {formatDateTime(r.startedAt)}
                <br />
                <span className="muted">
                  {H.trigger[r.trigger]}
                  {r.startedBy && ` · ${r.startedBy}`}
                </span>
              </td>
              <td>
                <HealthStateBadge state={r.state} />
              </td>
              {HEALTH_CHECKS.map((check) => (
                <td key={check}>{r.state === "PASSED" || r.state === "FAILED" ? (r.counts[check] ?? 0) : "—"}</td>
              ))}
            </tr>
          ))}
    </HealthTable>
  );
}
