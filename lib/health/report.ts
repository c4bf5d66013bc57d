import type { ExternalSummary } from "./external";
import type { HealthCheckKind } from "./finding";
import type { StalenessReport } from "./staleness";

/** What a run keeps besides its findings (HealthCheckRun.report): the veto items and the columns' update table. */
export interface HealthReport extends StalenessReport {
  /** The zone whose calendar days were counted. */
  timeZone: string;
  /** Null when the external check is off. */
  external: ExternalSummary | null;
}

export type HealthCounts = Partial<Record<HealthCheckKind, number>>;
