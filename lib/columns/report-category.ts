import type { ReportCategory } from "@/lib/db/client";

/**
 * The categories of the 政府网站工作年度报表 (国办函〔2018〕12号) a column's articles are
 * counted under — the one list; the column form, the annual report and the site
 * self-check all read it.
 *
 * `updateEveryDays` is the category's default update period for the 站点体检, from the
 * veto items of 《政府网站与政务新媒体检查指标》 (国办秘函〔2019〕19号): 动态/要闻 within
 * 2 weeks, 通知公告/政策文件 within 6 months (counted as 180 days: the self-check warns
 * before the inspectors would). Null: the indicators set no period (概况类 changes when
 * the facts do; a 专栏 or a 解读 column follows its topic) — a column may still set its own.
 */
export const REPORT_CATEGORIES: readonly { value: ReportCategory; label: string; updateEveryDays: number | null }[] = [
  { value: "OVERVIEW", label: "概况类", updateEveryDays: null },
  { value: "NEWS", label: "政务动态", updateEveryDays: 14 },
  { value: "DISCLOSURE", label: "信息公开目录", updateEveryDays: 180 },
  { value: "TOPIC", label: "专栏专题", updateEveryDays: null },
  { value: "INTERPRETATION", label: "解读", updateEveryDays: null },
];

export function reportCategoryLabel(value: ReportCategory | null | undefined): string {
  return REPORT_CATEGORIES.find((c) => c.value === value)?.label ?? "未分类";
}

/** The category's default update period in days, or null when it has none. */
export function defaultUpdateEveryDays(value: ReportCategory | null | undefined): number | null {
  return REPORT_CATEGORIES.find((c) => c.value === value)?.updateEveryDays ?? null;
}

/** The period a column must be updated within: its own, else its category's; null: none. */
export function updatePeriodOf(column: { reportCategory: ReportCategory | null; updateEveryDays: number | null }): number | null {
  return column.updateEveryDays ?? defaultUpdateEveryDays(column.reportCategory);
}
