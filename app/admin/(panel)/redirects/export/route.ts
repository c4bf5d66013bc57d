import { auditBy } from "@/lib/audit/by";
import { getSessionUser } from "@/lib/auth/session";
import { redirectCsvStream } from "@/lib/redirects/csv";

export const dynamic = "force-dynamic";

/**
 * GET /admin/redirects/export — every old address and its target as CSV. A route
 * handler is not behind the panel layout: it checks the session and role itself.
 */
export async function GET() {
  const user = await getSessionUser();
  if (!user) return new Response("登录已过期，请重新登录。", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (user.role !== "ADMIN" || user.securityStep) {
    return new Response("您没有权限执行此操作。", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  await auditBy(user, { action: "redirect.export", targetType: "redirect" });
  const stamp = new Date().toISOString().slice(0, 16).replace(/\D/g, "");
  return new Response(redirectCsvStream(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="redirects-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
