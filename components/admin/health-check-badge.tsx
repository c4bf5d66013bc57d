import Link from "@/components/admin/link";
import { formatDateTime } from "@/lib/format/date";
import { failedLatestRun } from "@/lib/health/queries";
import { healthText as H } from "@/lib/health/text";
import { fill } from "@/lib/i18n/fill";

/** On the 工作台 of admins and reviewers: shown while the newest 站点体检 did not pass. */
export async function HealthDashboardBadge() {
  const run = await failedLatestRun();
  if (!run) return null;
  const when = formatDateTime(run.startedAt);
  return (
    <section className="dashboard-alert" role="status" aria-labelledby="health-alert-heading" data-testid="health-badge">
      <h2 id="health-alert-heading">
        <span className="badge badge-withdrawn">{H.dashboardBadge}</span>
      </h2>
      <p>
        {run.status === "ERROR"
          ? fill(H.dashboardBadgeError, { when })
          : fill(H.dashboardBadgeDetail, { when, count: run.findings, veto: run.veto ? fill(H.dashboardBadgeVeto, { count: run.veto }) : "" })}{" "}
        <Link href="/admin/health-check">{H.dashboardLink}</Link>
      </p>
    </section>
  );
}
