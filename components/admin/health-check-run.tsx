"use client";

import { runHealthCheckAction } from "@/lib/health/actions";
import { healthText as H } from "@/lib/health/text";
import { fill } from "@/lib/i18n/fill";
import { GovFormStatus, useGovernanceAction } from "./governance-form";

/** 立即体检: runs every check on the server, then the page shows the new run. */
export function HealthCheckRunButton() {
  const { run, pending, refreshing, error, message } = useGovernanceAction(runHealthCheckAction);
  const busy = pending || refreshing;
  return (
    <div className="health-run">
      <button
        type="button"
        className="button button-primary"
        disabled={busy}
        aria-busy={busy}
        onClick={() => run({}, { success: (r) => fill(H.runDone, { status: H.status[r.status] }) })}
      >
        {busy ? H.running : H.runNow}
      </button>
      <GovFormStatus error={error} message={message} testId="health-run" />
    </div>
  );
}
