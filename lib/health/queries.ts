import "server-only";
import type { HealthCheckStatus } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { Finding } from "./finding";
import type { HealthCounts, HealthReport } from "./report";
import { RUN_STALE_MS } from "./start";

/** How a run reads: RUNNING for longer than any run takes means its instance stopped. */
export type RunState = HealthCheckStatus | "INTERRUPTED";

export const runState = (run: { status: HealthCheckStatus; startedAt: Date }, now = new Date()): RunState =>
  run.status === "RUNNING" && now.getTime() - run.startedAt.getTime() > RUN_STALE_MS ? "INTERRUPTED" : run.status;

const summary = { id: true, trigger: true, status: true, startedAt: true, finishedAt: true, startedBy: true, counts: true, error: true } as const;

/** The last runs, newest first, with their counts per check: the trend. */
export async function listRecentRuns(take = 10) {
  const rows = await db().healthCheckRun.findMany({ orderBy: { startedAt: "desc" }, take, select: summary });
  return rows.map((r) => ({ ...r, state: runState(r), counts: r.counts as HealthCounts }));
}

/** The newest finished run with its findings and report, or null before the first. */
export async function getLatestRun() {
  const run = await db().healthCheckRun.findFirst({
    where: { status: { not: "RUNNING" } },
    orderBy: { startedAt: "desc" },
    select: { ...summary, report: true, findings: { orderBy: { id: "asc" }, select: { check: true, severity: true, message: true, fixHref: true, fixLabel: true } } },
  });
  if (!run) return null;
  const report = run.report as Partial<HealthReport>;
  return { ...run, state: runState(run), counts: run.counts as HealthCounts, findings: run.findings as Finding[], report: report.columns ? (report as HealthReport) : null };
}

/** For the dashboard: the newest finished run when it did not pass (else null). */
export async function failedLatestRun() {
  const run = await db().healthCheckRun.findFirst({
    where: { status: { not: "RUNNING" } },
    orderBy: { startedAt: "desc" },
    select: { id: true, status: true, startedAt: true, _count: { select: { findings: true } }, findings: { where: { severity: "veto" }, select: { id: true } } },
  });
  if (!run || run.status === "PASSED") return null;
  return { status: run.status, startedAt: run.startedAt, findings: run._count.findings, veto: run.findings.length };
}
