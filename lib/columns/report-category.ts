import type { ReportCategory } from "@/lib/db/client";

/**
 * The categories of the 政府网站工作年度报表 (国办函〔2018〕12号) a column's articles are
 * counted under — the one list; the column form, the annual report and the site
 * self-check all read it.
 */
export const REPORT_CATEGORIES: readonly { value: ReportCategory; label: string }[] = [
  { value: "OVERVIEW", label: "概况类" },
  { value: "NEWS", label: "政务动态" },
  { value: "DISCLOSURE", label: "信息公开目录" },
  { value: "TOPIC", label: "专栏专题" },
  { value: "INTERPRETATION", label: "解读" },
];

export function reportCategoryLabel(value: ReportCategory | null | undefined): string {
  return REPORT_CATEGORIES.find((c) => c.value === value)?.label ?? "未分类";
}
