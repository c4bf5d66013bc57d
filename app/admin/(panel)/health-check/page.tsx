import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { HealthCheckRunButton } from "@/components/admin/health-check-run";
import { HealthColumnTable, HealthFindings, HealthStateBadge, HealthTrend, HealthVetoTable } from "@/components/admin/health-check-report";
import { requireRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { getLatestRun, listRecentRuns } from "@/lib/health/queries";
import { healthText as H } from "@/lib/health/text";
import { fill } from "@/lib/i18n/fill";
import "./health.css";

export const metadata: Metadata = { title: H.title };

/** 站点体检: admins run it; reviewers read it. */
export default async function HealthCheckPage() {
  const user = await requireRole("ADMIN", "REVIEWER");
  const [latest, runs] = await Promise.all([getLatestRun(), listRecentRuns()]);
  const external = latest?.report?.external;
  return (
    <section className="gov-page">
      <header className="gov-page-header">
        <div>
          <h1>{H.title}</h1>
          <p className="muted">{H.intro}</p>
        </div>
        {user.role === "ADMIN" ? <HealthCheckRunButton /> : <p className="muted">{H.readOnly}</p>}
      </header>
      {!latest ? (
        <p className="gov-card">{H.noRuns}</p>
      ) : (
        <>
          <div className="gov-card" data-testid="health-latest">
            <h2>{H.lastRun}</h2>
            <p>
              {formatDateTime(latest.startedAt)}（{H.trigger[latest.trigger]}
              {latest.startedBy && ` · ${latest.startedBy}`}） <HealthStateBadge state={latest.state} />
            </p>
            {latest.error && <p className="form-error">{fill(H.runError, { error: latest.error })}</p>}
            {latest.report && (
              <p className="muted">
                {external
                  ? fill(H.external.summary, {
                      checked: external.checked,
                      failed: external.failed,
                      skipped: external.skipped,
                      capped: external.capped ? fill(H.external.capped, { count: external.capped }) : "",
                    })
                  : H.external.off}{" "}
                {user.role === "ADMIN" && <Link href="/admin/settings">{H.settingsLink}</Link>}
              </p>
            )}
          </div>
          {latest.report && (
            <div className="gov-card">
              <h2>{H.vetoHeading}</h2>
              <p className="muted">{H.vetoIntro}</p>
              <HealthVetoTable veto={latest.report.veto} />
            </div>
          )}
          <div className="gov-card">
            <h2>{fill(H.findingsHeading, { count: latest.findings.length })}</h2>
            <HealthFindings findings={latest.findings} />
          </div>
          {latest.report && (
            <div className="gov-card">
              <h2>{H.columnsHeading}</h2>
              <p className="muted">{fill(H.columnsIntro, { zone: latest.report.timeZone })}</p>
              <HealthColumnTable report={latest.report} />
            </div>
          )}
        </>
      )}
      {runs.length > 0 && (
        <div className="gov-card">
          <h2>{H.trendHeading}</h2>
          <p className="muted">{H.trendIntro}</p>
          <HealthTrend runs={runs} />
        </div>
      )}
    </section>
  );
}
