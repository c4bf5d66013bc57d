import { healthText } from "./text";

/**
 * One thing the self-check found, as stored (HealthFinding) and shown: what is wrong in
 * words and the admin page where it is fixed. `veto` and `error` fail the run (the
 * inspectors fail the site or deduct points for them); `warning` does not.
 */
export type HealthCheckKind = keyof typeof healthText.checks;
export type Severity = "veto" | "error" | "warning";

export interface Finding {
  check: HealthCheckKind;
  severity: Severity;
  message: string;
  fixHref: string;
  fixLabel: string;
}

/** The checks in the order the page lists them: the one list. */
export const HEALTH_CHECKS = Object.keys(healthText.checks) as HealthCheckKind[];

export const failsRun = (f: Pick<Finding, "severity">) => f.severity !== "warning";

export const articleFix = (id: number) => ({ fixHref: `/admin/articles/${id}`, fixLabel: healthText.fix.article });
export const columnFix = (id: number) => ({ fixHref: `/admin/columns/${id}`, fixLabel: healthText.fix.column });
export const settingsFix = () => ({ fixHref: "/admin/settings", fixLabel: healthText.fix.settings });
