import { addDays, BUCKETS, isCalendarDay, todayInSiteZone, type Bucket } from "./period";

/**
 * The statistics page's filters, read from its address (a GET form: a view can be
 * bookmarked and shared). Bad input never fails the page: the default is used and the
 * page says which field was not understood and why.
 */
export interface StatisticsFilter {
  from: string;
  to: string;
  bucket: Bucket;
  columnId: number | null;
  articleId: number | null;
}

export interface ParsedFilter {
  filter: StatisticsFilter;
  /** What was not understood, in words for the page. */
  problems: string[];
}

/** The default range: the last 30 days, today included. */
export const DEFAULT_DAYS = 30;
/** Ten years of days is already more than a chart can show; longer ranges are cut. */
export const MAX_DAYS = 3660;

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

function positiveId(raw: string, label: string, problems: string[]): number | null {
  if (!raw) return null;
  if (/^\d{1,9}$/.test(raw) && Number(raw) > 0) return Number(raw);
  problems.push(`${label}“${raw}”不是有效的编号，已忽略。`);
  return null;
}

export function parseStatisticsFilter(params: Params, now: Date = new Date()): ParsedFilter {
  const problems: string[] = [];
  const today = todayInSiteZone(now);
  const day = (name: "from" | "to", label: string, fallback: string) => {
    const raw = first(params[name]);
    if (!raw) return fallback;
    if (isCalendarDay(raw)) return raw;
    problems.push(`${label}“${raw}”不是有效日期（应为 YYYY-MM-DD），已使用默认值 ${fallback}。`);
    return fallback;
  };
  let to = day("to", "结束日期", today);
  let from = day("from", "起始日期", addDays(to, -(DEFAULT_DAYS - 1)));
  if (from > to) {
    problems.push("起始日期晚于结束日期，已将两者对调。");
    [from, to] = [to, from];
  }
  if (addDays(from, MAX_DAYS - 1) < to) {
    from = addDays(to, -(MAX_DAYS - 1));
    problems.push(`日期范围最长 ${MAX_DAYS} 天，起始日期已调整为 ${from}。`);
  }
  const rawBucket = first(params.bucket);
  const bucket = BUCKETS.find((b) => b.value === rawBucket)?.value ?? "day";
  if (rawBucket && bucket !== rawBucket) problems.push(`统计粒度“${rawBucket}”无效，已按日统计。`);
  return {
    filter: { from, to, bucket, columnId: positiveId(first(params.column), "栏目", problems), articleId: positiveId(first(params.article), "文章编号", problems) },
    problems,
  };
}

/** The filter as the page's query string ("?from=…"), for links and the export route. */
export function statisticsQuery(filter: StatisticsFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to, bucket: filter.bucket });
  if (filter.columnId) params.set("column", String(filter.columnId));
  if (filter.articleId) params.set("article", String(filter.articleId));
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `?${params}`;
}

/**
 * The year the 年度报表 page opens on: the report is due by 31 January for the year
 * before, so in January the previous year, otherwise the current one (so far).
 */
export function defaultReportYear(now: Date = new Date()): number {
  const [year, month] = todayInSiteZone(now).split("-").map(Number);
  return month === 1 ? year - 1 : year;
}

export function parseReportYear(raw: string | string[] | undefined, now: Date = new Date()): { year: number; problem: string | null } {
  const value = first(raw);
  const fallback = defaultReportYear(now);
  if (!value) return { year: fallback, problem: null };
  const current = Number(todayInSiteZone(now).slice(0, 4));
  if (/^\d{4}$/.test(value) && Number(value) >= 2000 && Number(value) <= current) return { year: Number(value), problem: null };
  return { year: fallback, problem: `年度“${value}”无效（应为 2000 至 ${current} 之间的年份），已显示 ${fallback} 年。` };
}
