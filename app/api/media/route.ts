import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { t } from "@/lib/i18n/zh-CN";
import { listMediaLibrary } from "@/lib/media/library";
import { MAX_ATTACHMENT_BYTES } from "@/lib/media/sniff";
import { uploadMedia } from "@/lib/media/upload";
import { ACTION_STATUS, jsonError, readFileForm } from "@/lib/media/upload-request";

export const dynamic = "force-dynamic";

/**
 * Uploads (multipart: file, purpose = image | attachment, alt). A route handler rather
 * than a server action so that large files stream in under their own limit; the work
 * is the `media.upload` action all the same (session, role, zod).
 */
export async function POST(request: Request) {
  const read = await readFileForm(request, { maxBytes: MAX_ATTACHMENT_BYTES, tooLarge: `文件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB。`, noFile: "请选择要上传的文件。" });
  if (read instanceof Response) return read;
  const { form, file } = read;
  const result = await uploadMedia({
    purpose: form.get("purpose"),
    name: file.name,
    alt: form.get("alt") ?? "",
    data: new Uint8Array(await file.arrayBuffer()),
  });
  return Response.json(result, { status: result.ok ? 201 : ACTION_STATUS[result.code] });
}

const listSchema = z.object({
  kind: z.enum(["IMAGE", "ATTACHMENT"]).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** The media library, page by page, for the pickers in the editor. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return jsonError(401, "登录已过期，请重新登录。");
  // Like every action (lib/actions/safe-action.ts): a pending password change or 2FA setup comes first.
  if (user.securityStep) return jsonError(403, t.security.stepRequired);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = listSchema.safeParse(params);
  if (!parsed.success) return jsonError(400, "查询参数无效。");
  return Response.json({ ok: true, data: await listMediaLibrary(user, parsed.data) }, { headers: { "cache-control": "private, no-store" } });
}
