import { z } from "zod";
import { buildDownload } from "@/lib/export/download";
import { t } from "@/lib/i18n/zh-CN";
import type { RenderContext, RenderedPage } from "../page";

const querySchema = z.object({ format: z.enum(["html", "docx"]) });
const text = (body: string, status: number): RenderedPage => ({ status, headers: { "content-type": "text/plain; charset=utf-8" }, body, tags: [] });

/**
 * 保存: /articles/<id>/download?format=html|docx. Never kept by the page cache (tags []):
 * the files are cached on disk per live content (lib/export/download-cache.ts).
 */
export async function articleDownload(id: number, ctx: RenderContext): Promise<RenderedPage> {
  const query = querySchema.safeParse({ format: ctx.query.get("format") ?? undefined });
  if (!query.success) return text(t.site.badDownloadFormat, 400);
  const result = await buildDownload(id, query.data.format, (await ctx.frame()).settings);
  if (result.kind === "not-found") return text(t.site.articleMissing, 404);
  if (result.kind === "gone") return text(t.site.withdrawnTitle, 410);
  return { status: 200, headers: result.headers, body: result.body, tags: [] };
}
