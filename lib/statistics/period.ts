import { formatDate } from "@/lib/format/date";
import { zoneOffset } from "@/lib/format/zone";

/**
 * Calendar arithmetic for the reading statistics and the 年度报表, on days of the site's
 * time zone ("YYYY-MM-DD", as the per-day view rows store them). Pure, so the edges
 * (midnight in Beijing, the year boundary) are unit-tested with fixed clocks.
 */
export type Bucket = "day" | "week" | "month";

export const BUCKETS: readonly { value: Bucket; label: string }[] = [
  { value: "day", label: "按日" },
  { value: "week", label: "按周" },
  { value: "month", label: "按月" },
];

export const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** A day "YYYY-MM-DD" as the Date a DATE column holds (UTC midnight). */
export function calendarDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The "YYYY-MM-DD" of a DATE column's value (UTC midnight): no zone shift. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(new Date(calendarDay(day).getTime() + days * 86_400_000));
}

/** Is "YYYY-MM-DD" a real day (not 2026-02-30)? */
export function isCalendarDay(value: string): boolean {
  return DAY_KEY.test(value) && !Number.isNaN(calendarDay(value).getTime()) && dayOf(calendarDay(value)) === value;
}

/** Today in the site's time zone. */
export function todayInSiteZone(now: Date = new Date()): string {
  return formatDate(now);
}

/**
 * The bucket a day falls in: the day itself, the Monday that starts its week (weeks run
 * Monday to Sunday, as in China), or its month "YYYY-MM".
 */
export function bucketOf(day: string, bucket: Bucket): string {
  if (bucket === "day") return day;
  if (bucket === "month") return day.slice(0, 7);
  const mondayOffset = (calendarDay(day).getUTCDay() + 6) % 7;
  return addDays(day, -mondayOffset);
}

/** Every bucket from the one holding `from` to the one holding `to`, in order. */
export function bucketsBetween(from: string, to: string, bucket: Bucket): string[] {
  const keys: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const key = bucketOf(day, bucket);
    if (keys.at(-1) !== key) keys.push(key);
  }
  return keys;
}

/**
 * Per-day figures summed into buckets; a bucket without any is a zero, not a gap, so a
 * chart and its table show the quiet days too. Days outside from..to are ignored.
 */
export function sumIntoBuckets(rows: readonly { day: string; views: number }[], from: string, to: string, bucket: Bucket): { bucket: string; views: number }[] {
  const sums = new Map(bucketsBetween(from, to, bucket).map((key) => [key, 0]));
  for (const row of rows) {
    if (row.day < from || row.day > to) continue;
    const key = bucketOf(row.day, bucket);
    sums.set(key, (sums.get(key) ?? 0) + row.views);
  }
  return [...sums].map(([key, views]) => ({ bucket: key, views }));
}

/** How a bucket is named in a chart and its table. */
export function bucketLabel(key: string, bucket: Bucket): string {
  return bucket === "week" ? `${key} 起一周` : key;
}

/** The instant a day of the site's time zone starts, e.g. 2027-01-01 → 2026-12-31T16:00:00Z in Beijing. */
export function startOfSiteDay(day: string): Date {
  // The offset at noon of that day: a zone that shifts its clocks does so at night.
  return new Date(`${day}T00:00:00${zoneOffset(new Date(`${day}T12:00:00Z`))}`);
}

/** A year of the site's time zone as [start, end) instants. */
export function siteYear(year: number): { start: Date; end: Date } {
  return { start: startOfSiteDay(`${year}-01-01`), end: startOfSiteDay(`${year + 1}-01-01`) };
}

/** The month after "YYYY-MM". */
export function nextMonth(month: string): string {
  const [year, m] = month.split("-").map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
}

/** The months "YYYY-MM" from the one holding `from` to the one holding `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) months.push(month);
  return months;
}
