import "server-only";
import { getSessionUser } from "@/lib/auth/session";

/** Room for the multipart envelope and the other form fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;

/** An action's error codes as HTTP statuses, for the route handlers that take files. */
export const ACTION_STATUS = { unauthenticated: 401, forbidden: 403, invalid: 400, not_found: 404, conflict: 409, rate_limited: 429, failed: 500 } as const;

export function jsonError(status: number, message: string) {
  return Response.json({ ok: false, error: message }, { status });
}

/**
 * The checks every file-taking route handler (uploads, the Word import) makes before
 * it reads a large body: a same-origin request (cookies ride along on cross-site form
 * posts in some browsers), a declared length within `maxBytes`, a session — nobody
 * without one gets to make us read it —, then a multipart form with a file. Returns the
 * form and its file, or the response that refuses them.
 */
export async function readFileForm(
  request: Request,
  limits: { maxBytes: number; tooLarge: string; noFile: string },
): Promise<{ form: FormData; file: File } | Response> {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host || new URL(origin).host !== host) return jsonError(403, "请求来源无效。");
  const length = Number(request.headers.get("content-length"));
  if (!Number.isFinite(length) || length <= 0) return jsonError(411, "请求缺少内容长度。");
  if (length > limits.maxBytes + ENVELOPE_BYTES) return jsonError(413, limits.tooLarge);
  if (!(await getSessionUser())) return jsonError(401, "登录已过期，请重新登录。");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return jsonError(400, "上传的内容无法读取，请重试。");
  }
  const file = form.get("file");
  if (!(file instanceof File)) return jsonError(400, limits.noFile);
  return { form, file };
}
