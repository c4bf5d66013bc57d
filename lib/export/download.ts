import { displayTitle } from "@/lib/articles/format";
import { getPublicArticleContent, getWithdrawnArticle } from "@/lib/articles/queries";
import { siteUrl } from "@/lib/env";
import { getSiteSettings, type SiteSettings } from "@/lib/settings/queries";
import type { ExportArticle } from "./article-export";
import { cachedDownload, downloadKey, forgetDownloads } from "./download-cache";
import { renderArticleDocx } from "./docx";
import { contentDisposition, fileBaseName } from "./filename";
import { renderArticleHtml } from "./html";

export type DownloadFormat = "html" | "docx";

const TYPES: Record<DownloadFormat, string> = {
  html: "text/html; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export type DownloadResult =
  | { kind: "file"; body: ReadableStream<Uint8Array>; headers: Record<string, string> }
  | { kind: "gone" }
  | { kind: "not-found" };

/**
 * A published article as a file named after its title; withdrawn → gone, anything else →
 * not found. The file is rendered once per live content and then read from the cache
 * (download-cache.ts); the route runs behind the render gate like a page.
 */
export async function buildDownload(id: number, format: DownloadFormat, known?: Pick<SiteSettings, "siteName">): Promise<DownloadResult> {
  const content = await getPublicArticleContent(id);
  if (!content) {
    await forgetDownloads(id);
    return (await getWithdrawnArticle(id)) ? { kind: "gone" } : { kind: "not-found" };
  }
  // The renderer passes the settings of its cached frame; otherwise they are read.
  const settings = known ?? (await getSiteSettings());
  const baseUrl = siteUrl();
  const article: ExportArticle = {
    // The view counter is not in the file, and must not make a new one at every visit.
    view: { ...content.view, viewCount: 0 },
    bodyJson: content.bodyJson,
    siteName: settings.siteName,
    url: `${baseUrl}/articles/${id}`,
    baseUrl,
  };
  // Everything the file is made of: a new live revision, a correction or a renamed site is a new key.
  const key = downloadKey({ format, article, modifiedAt: content.modifiedAt });
  const { body, size } = await cachedDownload(id, format, key, async () =>
    format === "html" ? new TextEncoder().encode(await renderArticleHtml(article)) : new Uint8Array(await renderArticleDocx(article)),
  );
  const name = fileBaseName(displayTitle(content.view.title, content.view.titleTags), `article-${id}`);
  return {
    kind: "file",
    body,
    headers: {
      "content-type": TYPES[format],
      "content-length": String(size),
      "content-disposition": contentDisposition(`${name}.${format}`, `article-${id}.${format}`),
      // Shared caches may keep it briefly; an edit is visible within minutes.
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
    },
  };
}
