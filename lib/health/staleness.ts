import type { ReportCategory } from "@/lib/db/client";
import { reportCategoryLabel, updatePeriodOf } from "@/lib/columns/report-category";
import { subtreeIds } from "@/lib/columns/tree";
import { formatDate } from "@/lib/format/date";

/**
 * The column-update rules of the veto items (国办秘函〔2019〕19号), as pure functions of
 * the columns, their newest public article and a clock. Days are calendar days in the
 * site's time zone, as the inspectors read the 公开日期 on the page: a column last
 * updated on 11-23 with a 14-day period is on time through 12-07 and overdue on 12-08,
 * whatever the hour.
 */
export interface ColumnFacts {
  id: number;
  name: string;
  parentId: number | null;
  position: number;
  hidden: boolean;
  reportCategory: ReportCategory | null;
  updateEveryDays: number | null;
  /** The newest 公开日期 among the column's own public articles (not its sub-columns'). */
  newestOwn: Date | null;
}

export type ColumnState = "ok" | "overdue" | "blank" | "hidden" | "free";

export interface ColumnUpdateStatus {
  id: number;
  name: string;
  depth: number;
  category: string;
  reportCategory: ReportCategory | null;
  topLevel: boolean;
  /** Days within which it must be updated; null: no requirement. */
  periodDays: number | null;
  /** YYYY-MM-DD in the site's zone: the newest public article of the column or below it. */
  lastUpdated: string | null;
  /** YYYY-MM-DD: the last day on which it is still on time. */
  deadline: string | null;
  /** Days past the deadline (0 when on time). */
  lateDays: number;
  state: ColumnState;
}

export interface VetoItem {
  key: "home" | "keyColumns" | "shouldUpdate" | "blank";
  /** Days without an update (home; null: the site has no public article) or columns counted (the others). */
  current: number | null;
  /** Fails at this value or above (home: above it). */
  threshold: number;
  failed: boolean;
  /** Within 80% of the threshold: the page warns before the inspectors would. */
  close: boolean;
  /** The columns counted (ids), for the page. */
  columnIds: number[];
}

export interface StalenessReport {
  columns: ColumnUpdateStatus[];
  veto: VetoItem[];
  /** YYYY-MM-DD of the newest public article on the site (the home page lists it), or null. */
  homeUpdated: string | null;
}

/** The thresholds of the indicators: ≥ 5 key columns, ≥ 10 columns, ≥ 5 blank; home within 14 days. */
export const VETO_THRESHOLDS = { home: 14, keyColumns: 5, shouldUpdate: 10, blank: 5 } as const;

const DAY_MS = 86_400_000;

/** A YYYY-MM-DD calendar day as a day number, for arithmetic. */
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
const dayString = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Whole calendar days from `from` to `to` in the zone (0 on the same day). */
export function daysBetween(from: Date, to: Date, timeZone?: string): number {
  return dayNumber(formatDate(to, timeZone)) - dayNumber(formatDate(from, timeZone));
}

function newest(dates: (Date | null)[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (d && (!best || d > best)) best = d;
  return best;
}

export function assessColumns(facts: readonly ColumnFacts[], now: Date, timeZone?: string): StalenessReport {
  const today = dayNumber(formatDate(now, timeZone));
  const byId = new Map(facts.map((f) => [f.id, f]));
  const depthOf = (f: ColumnFacts) => {
    let depth = 0;
    const seen = new Set<number>();
    for (let p = f.parentId; p !== null && byId.has(p) && !seen.has(p); p = byId.get(p)!.parentId) {
      seen.add(p);
      depth++;
    }
    return depth;
  };
  // Hidden itself or under a hidden column: not on the site's navigation, not inspected.
  const hiddenIds = new Set<number>();
  for (const f of facts) if (f.hidden) for (const id of subtreeIds(facts, f.id)) hiddenIds.add(id);

  const columns: ColumnUpdateStatus[] = facts.map((f) => {
    // A column's listing shows its sub-columns' articles too: they update it.
    const last = newest([...subtreeIds(facts, f.id)].map((id) => byId.get(id)?.newestOwn ?? null));
    const lastUpdated = last ? formatDate(last, timeZone) : null;
    const periodDays = updatePeriodOf(f);
    const deadlineDay = lastUpdated && periodDays !== null ? dayNumber(lastUpdated) + periodDays : null;
    const lateDays = deadlineDay !== null ? Math.max(0, today - deadlineDay) : 0;
    const state: ColumnState = hiddenIds.has(f.id)
      ? "hidden"
      : !lastUpdated
        ? "blank"
        : periodDays === null
          ? "free"
          : lateDays > 0
            ? "overdue"
            : "ok";
    return {
      id: f.id,
      name: f.name,
      depth: depthOf(f),
      category: reportCategoryLabel(f.reportCategory),
      reportCategory: f.reportCategory,
      topLevel: f.parentId === null,
      periodDays,
      lastUpdated,
      deadline: deadlineDay !== null ? dayString(deadlineDay) : null,
      lateDays,
      state,
    };
  });

  const visible = columns.filter((c) => c.state !== "hidden");
  // Not updated: overdue, or with a period and never updated at all.
  const notUpdated = visible.filter((c) => c.periodDays !== null && (c.state === "overdue" || c.state === "blank"));
  const keyColumns = notUpdated.filter((c) => c.reportCategory === "NEWS" || (c.reportCategory === "DISCLOSURE" && c.topLevel));
  const blank = visible.filter((c) => c.state === "blank");
  const home = newest(facts.filter((f) => !hiddenIds.has(f.id)).map((f) => f.newestOwn));
  const homeUpdated = home ? formatDate(home, timeZone) : null;
  const homeDays = homeUpdated ? today - dayNumber(homeUpdated) : null;

  const count = (key: "keyColumns" | "shouldUpdate" | "blank", list: ColumnUpdateStatus[]): VetoItem => {
    const threshold = VETO_THRESHOLDS[key];
    return { key, current: list.length, threshold, failed: list.length >= threshold, close: list.length >= 0.8 * threshold, columnIds: list.map((c) => c.id) };
  };
  const veto: VetoItem[] = [
    {
      key: "home",
      current: homeDays,
      threshold: VETO_THRESHOLDS.home,
      failed: homeDays === null || homeDays > VETO_THRESHOLDS.home,
      close: homeDays === null || homeDays > 0.8 * VETO_THRESHOLDS.home,
      columnIds: [],
    },
    count("keyColumns", keyColumns),
    count("shouldUpdate", notUpdated),
    count("blank", blank),
  ];
  return { columns, veto, homeUpdated };
}
