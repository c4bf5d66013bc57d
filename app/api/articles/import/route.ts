import { getSessionUser } from "@/lib/auth/session";
import { importWordAction } from "@/lib/articles/import-word";
import { DOCX_LIMITS } from "@/lib/import/docx/limits";
import { docxProblemMessage } from "@/lib/import/docx/report";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope and the other form fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;

const STATUS = { unauthenticated: 401, forbidden: 403, invalid: 400, not_found: 404, conflict: 409, rate_limited: 429, failed: 500 } as const;

function error(status: number, message: string) {
  return Response.json({ ok: false, error: message }, { status });
}

function id(value: FormDataEntryValue | null): number | null {
  return typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/**
 * 导入 Word 文档 (multipart: file, mode = draft | body, columnId, articleId). A route
 * handler, as for uploads, so that a document with pictures streams in under its own
 * limit; the work is the `article.importWord` action (session, role, zod, then the
 * column or article permission inside).
 */
export async function POST(request: Request) {
  // Cookies ride along on cross-site form posts in some browsers: only our own pages may import.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host || new URL(origin).host !== host) return error(403, "请求来源无效。");
  const length = Number(request.headers.get("content-length"));
  if (!Number.isFinite(length) || length <= 0) return error(411, "请求缺少内容长度。");
  if (length > DOCX_LIMITS.fileBytes + ENVELOPE_BYTES) return error(413, docxProblemMessage("too-large"));
  // Nobody without a session gets to make us read a large body.
  if (!(await getSessionUser())) return error(401, "登录已过期，请重新登录。");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return error(400, "上传的内容无法读取，请重试。");
  }
  const file = form.get("file");
  if (!(file instanceof File)) return error(400, "请选择要导入的 .docx 文件。");
  const result = await importWordAction({
    mode: form.get("mode"),
    columnId: id(form.get("columnId")),
    articleId: id(form.get("articleId")),
    name: file.name,
    data: new Uint8Array(await file.arrayBuffer()),
  });
  return Response.json(result, { status: result.ok ? 200 : STATUS[result.code] });
}
