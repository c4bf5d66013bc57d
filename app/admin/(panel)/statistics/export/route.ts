import { getSessionUser } from "@/lib/auth/session";
import { CSV_TYPE, downloadHeaders, tableCsv, tablesXlsx, XLSX_TYPE } from "@/lib/statistics/export";
import { loadStatistics } from "@/lib/statistics/load";
import { STATISTICS_ROLES } from "@/lib/statistics/scope";
import { refusal } from "@/lib/statistics/refusal";

export const dynamic = "force-dynamic";

/**
 * GET /admin/statistics/export?<the page's filters>&table=<key>&format=csv|xlsx — one of
 * the statistics page's tables, exactly as the page shows it to this user (an editor's
 * only cover their columns). A route handler is not behind the panel layout: it checks
 * the session and the role itself.
 */
export async function GET(request: Request) {
  const user = await getSessionUser();
  const refused = refusal(user, STATISTICS_ROLES);
  if (refused || !user) return refused ?? new Response(null, { status: 401 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { tables, filter } = await loadStatistics(user, params);
  const table = tables.find((t) => t.key === params.table);
  if (!table) return new Response("没有这张统计表。", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const name = `statistics-${table.key}-${filter.from}-${filter.to}`;
  if (params.format === "xlsx") return new Response(new Uint8Array(await tablesXlsx([table])), { headers: downloadHeaders(`${name}.xlsx`, XLSX_TYPE) });
  return new Response(tableCsv(table), { headers: downloadHeaders(`${name}.csv`, CSV_TYPE) });
}
