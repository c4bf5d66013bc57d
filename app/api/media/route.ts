import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { t } from "@/lib/i18n/zh-CN";
import { listMediaLibrary } from "@/lib/media/library";
import { MAX_ATTACHMENT_BYTES } from "@/lib/media/sniff";
import { uploadMedia } from "@/lib/media/upload";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope and the other form fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;

const STATUS = { unauthenticated: 401, forbidden: 403, invalid: 400, not_found: 404, conflict: 409, rate_limited: 429, failed: 500 } as const;

function error(status: number, message: string) {
  return Response.json({ ok: false, error: message }, { status });
}

/**
 * Uploads (multipart: file, purpose = image | attachment, alt). A route handler rather
 * than a server action so that large files stream in under their own limit; the work
 * is the `media.upload` action all the same (session, role, zod).
 */
export async function POST(request: Request) {
  // Cookies ride along on cross-site form posts in some browsers: only our own pages may upload.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host || new URL(origin).host !== host) return error(403, "请求来源无效。");
  const length = Number(request.headers.get("content-length"));
  if (!Number.isFinite(length) || length <= 0) return error(411, "请求缺少内容长度。");
  if (length > MAX_ATTACHMENT_BYTES + ENVELOPE_BYTES) return error(413, `文件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB。`);
  // Nobody without a session gets to make us read a large body.
  if (!(await getSessionUser())) return error(401, "登录已过期，请重新登录。");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return error(400, "上传的内容无法读取，请重试。");
  }
  const file = form.get("file");
  if (!(file instanceof File)) return error(400, "请选择要上传的文件。");
  const result = await uploadMedia({
    purpose: form.get("purpose"),
    name: file.name,
    alt: form.get("alt") ?? "",
    data: new Uint8Array(await file.arrayBuffer()),
  });
  return Response.json(result, { status: result.ok ? 201 : STATUS[result.code] });
}

const listSchema = z.object({
  kind: z.enum(["IMAGE", "ATTACHMENT"]).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** The media library, page by page, for the pickers in the editor. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return error(401, "登录已过期，请重新登录。");
  // Like every action (lib/actions/safe-action.ts): a pending password change or 2FA setup comes first.
  if (user.securityStep) return error(403, t.security.stepRequired);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = listSchema.safeParse(params);
  if (!parsed.success) return error(400, "查询参数无效。");
  return Response.json({ ok: true, data: await listMediaLibrary(user, parsed.data) }, { headers: { "cache-control": "private, no-store" } });
}
