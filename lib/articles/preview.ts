import "server-only";
import { getColumnPathById } from "@/lib/columns/queries";
import { db } from "@/lib/db/client";
import { documentViewOf } from "@/lib/documents/validity";
import { loadAttachmentViews } from "./queries";
import { disclosureOf, parseAttachmentRefs, type ArticleViewData } from "./view";

/**
 * An article as its public page would show it, from the working copy (or from one of
 * its revisions) — for the editors' preview. Nothing here counts a view.
 */
export async function getPreviewContent(id: number, revisionId?: number) {
  const article = await db().article.findUnique({
    where: { id },
    include: {
      attachments: { orderBy: { position: "asc" }, select: { mediaId: true, name: true } },
      corrections: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { note: true, createdAt: true } },
    },
  });
  if (!article) return null;
  const revision = revisionId ? await db().articleRevision.findFirst({ where: { id: revisionId, articleId: id } }) : null;
  if (revisionId && !revision) return null;
  const content = revision ?? article;
  const refs = revision ? parseAttachmentRefs(revision.attachments) : article.attachments;
  const [attachments, columnPath, column, replacement] = await Promise.all([
    loadAttachmentViews(refs),
    getColumnPathById(article.columnId),
    db().column.findUnique({ where: { id: article.columnId }, select: { reportCategory: true } }),
    content.replacedById ? db().article.findUnique({ where: { id: content.replacedById }, select: { title: true } }) : null,
  ]);
  const view: ArticleViewData = {
    id: article.id,
    title: content.title,
    titleTags: content.titleTags,
    subtitle: content.subtitle,
    author: content.author,
    source: content.source,
    publishedAt: article.publishedAt,
    viewCount: article.viewCount,
    bodyHtml: content.bodyHtml,
    attachments,
    disclosure: disclosureOf(content),
    // The preview names the replacing document by its working title, public or not yet.
    document: documentViewOf({ ...content, reportCategory: column?.reportCategory ?? null, replacementTitle: replacement?.title ?? null }),
    corrections: article.corrections,
  };
  return { view, columnPath, version: revision?.version ?? article.version, status: article.status, columnId: article.columnId, createdById: article.createdById };
}
