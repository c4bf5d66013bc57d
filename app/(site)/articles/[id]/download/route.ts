import { z } from "zod";
import { buildDownload } from "@/lib/export/download";
import { t } from "@/lib/i18n/zh-CN";

export const dynamic = "force-dynamic";

const querySchema = z.object({ format: z.enum(["html", "docx"]) });
const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** 保存: /articles/<id>/download?format=html|docx */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[1-9]\d{0,8}$/.test(id)) return text(t.site.articleMissing, 404);
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return text(t.site.badDownloadFormat, 400);
  const result = await buildDownload(Number(id), query.data.format);
  if (result.kind === "not-found") return text(t.site.articleMissing, 404);
  if (result.kind === "gone") return text(t.site.withdrawnTitle, 410);
  return new Response(result.body, { headers: result.headers });
}
