import { getSessionUser } from "@/lib/auth/session";
import { annualReport } from "@/lib/statistics/annual-report";
import { annualReportTable } from "@/lib/statistics/annual-table";
import { downloadHeaders, tablesXlsx, XLSX_TYPE } from "@/lib/statistics/export";
import { parseReportYear } from "@/lib/statistics/filters";
import { refusal } from "@/lib/statistics/refusal";
import { ANNUAL_REPORT_ROLES } from "@/lib/statistics/scope";

export const dynamic = "force-dynamic";

/** GET /admin/statistics/annual-report/export?year=2026 — the 年度报表 as XLSX, for admins and reviewers. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  const refused = refusal(user, ANNUAL_REPORT_ROLES);
  if (refused) return refused;
  const { year } = parseReportYear(new URL(request.url).searchParams.get("year") ?? undefined);
  const file = await tablesXlsx([annualReportTable(await annualReport(year))]);
  return new Response(new Uint8Array(file), { headers: downloadHeaders(`annual-report-${year}.xlsx`, XLSX_TYPE) });
}
