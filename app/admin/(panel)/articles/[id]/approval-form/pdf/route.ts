import { loadApprovalForm } from "@/lib/approval/form";
import { PdfFontMissingError, renderApprovalFormPdf } from "@/lib/approval/pdf";
import { approvalFormView } from "@/lib/approval/view";
import { getSessionUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * GET /admin/articles/<id>/approval-form/pdf — the 发稿审签单 as a PDF. A route handler is
 * not behind the panel layout: it checks the session itself, and answers "not found"
 * for an article the user may not see, as the pages do.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return text("登录已过期，请重新登录。", 401);
  if (user.securityStep) return text("您没有权限执行此操作。", 403);
  const { id } = await params;
  const form = /^[1-9]\d{0,8}$/.test(id) ? await loadApprovalForm(Number(id), user) : null;
  if (!form) return text("文章不存在。", 404);
  try {
    const pdf = await renderApprovalFormPdf(approvalFormView(form));
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="approval-form-${form.article.id}.pdf"; filename*=UTF-8''${encodeURIComponent(`发稿审签单-${form.article.id}.pdf`)}`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof PdfFontMissingError) return text(error.message, 503);
    throw error;
  }
}
