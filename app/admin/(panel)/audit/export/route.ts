import { auditBy } from "@/lib/audit/by";
import { auditCsvFileName, auditCsvStream } from "@/lib/audit/export";
import { auditQueryString, parseAuditFilter } from "@/lib/audit/filters";
import { getSessionUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/**
 * GET /admin/audit/export?<the page's filters> — the filtered audit log as CSV.
 * A route handler is not behind the panel layout: it checks the session and role
 * itself, and the export is itself audited (who took a copy of the log, and which part).
 */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response("登录已过期，请重新登录。", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (user.role !== "ADMIN" || user.securityStep) {
    return new Response("您没有权限执行此操作。", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const filter = parseAuditFilter(Object.fromEntries(new URL(request.url).searchParams));
  await auditBy(user, { action: "audit.export", targetType: "audit", detail: { filter: auditQueryString(filter) || "(全部)" } });
  return new Response(auditCsvStream(filter), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${auditCsvFileName()}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
