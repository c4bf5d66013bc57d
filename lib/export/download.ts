import { displayTitle } from "@/lib/articles/format";
import { getPublicArticleContent, getWithdrawnArticle } from "@/lib/articles/queries";
import { siteUrl } from "@/lib/env";
import { getSiteSettings } from "@/lib/settings/queries";
import type { ExportArticle } from "./article-export";
import { renderArticleDocx } from "./docx";
import { contentDisposition, fileBaseName } from "./filename";
import { renderArticleHtml } from "./html";

export type DownloadFormat = "html" | "docx";

const TYPES: Record<DownloadFormat, string> = {
  html: "text/html; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export type DownloadResult =
  | { kind: "file"; body: Uint8Array; headers: Record<string, string> }
  | { kind: "gone" }
  | { kind: "not-found" };

/** A published article as a file named after its title; withdrawn → gone, anything else → not found. */
export async function buildDownload(id: number, format: DownloadFormat): Promise<DownloadResult> {
  const content = await getPublicArticleContent(id);
  if (!content) return (await getWithdrawnArticle(id)) ? { kind: "gone" } : { kind: "not-found" };
  const settings = await getSiteSettings();
  const baseUrl = siteUrl();
  const article: ExportArticle = {
    view: content.view,
    bodyJson: content.bodyJson,
    siteName: settings.siteName,
    url: `${baseUrl}/articles/${id}`,
    baseUrl,
  };
  const body = format === "html" ? new TextEncoder().encode(await renderArticleHtml(article)) : new Uint8Array(await renderArticleDocx(article));
  const name = fileBaseName(displayTitle(content.view.title, content.view.titleTags), `article-${id}`);
  return {
    kind: "file",
    body,
    headers: {
      "content-type": TYPES[format],
      "content-length": String(body.byteLength),
      "content-disposition": contentDisposition(`${name}.${format}`, `article-${id}.${format}`),
      // Shared caches may keep it briefly; an edit is visible within minutes.
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
    },
  };
}
