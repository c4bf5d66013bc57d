import { z } from "zod";

/** 生成年度报表草稿: which year, into which column. */
export const annualReportDraftSchema = z.object({
  year: z.number({ message: "请选择年度" }).int().min(2000, "年度无效").max(2100, "年度无效"),
  columnId: z.number({ message: "请选择栏目" }).int().positive("请选择栏目"),
});
export type AnnualReportDraftInput = z.input<typeof annualReportDraftSchema>;
