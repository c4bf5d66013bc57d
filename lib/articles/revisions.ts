import "server-only";
import { ActionError } from "@/lib/actions/errors";
import { auditBy } from "@/lib/audit/by";
import { db, Prisma } from "@/lib/db/client";
import { interpretedIds, interpretedSelect } from "@/lib/documents/links";
import { storedValidityOf } from "@/lib/documents/validity";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import { diffContent, type ContentDiff } from "./diff";
import { displayFields, type ComparableContent } from "./diff-fields";
import type { SaveResult } from "./editor-model";
import { saveArticle, type ArticleActor } from "./mutations";
import { parseAttachmentRefs } from "./view";

export const REVISIONS_PAGE_SIZE = 50;

/** Who saved which version when, newest first. */
export async function listRevisions(articleId: number, page = 1) {
  const where = { articleId };
  const total = await db().articleRevision.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / REVISIONS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db().articleRevision.findMany({
    where,
    orderBy: { version: "desc" },
    skip: (current - 1) * REVISIONS_PAGE_SIZE,
    take: REVISIONS_PAGE_SIZE,
    select: { id: true, version: true, note: true, createdAt: true, title: true, bodyText: true, createdBy: { select: { name: true } } },
  });
  const items = rows.map((r) => ({
    id: r.id,
    version: r.version,
    note: r.note,
    createdAt: r.createdAt,
    author: r.createdBy.name,
    title: r.title,
    characters: [...r.bodyText.replace(/\s/g, "")].length,
  }));
  return { items, total, page: current, pageCount };
}

/**
 * What a reviewer compares, as the revisions page's from/to: the last published version
 * against the newest save. Null when the article was never published, or nothing was saved since.
 */
export async function changesSincePublished(articleId: number, liveRevisionId: number | null): Promise<{ from: number; to: number } | null> {
  if (liveRevisionId === null) return null;
  const newest = await db().articleRevision.findFirst({ where: { articleId }, orderBy: { version: "desc" }, select: { id: true } });
  return newest && newest.id !== liveRevisionId ? { from: liveRevisionId, to: newest.id } : null;
}

const revisionInclude = { interprets: { orderBy: { position: "asc" }, select: { document: { select: { title: true, docNo: true } } } } } satisfies Prisma.ArticleRevisionInclude;
type RevisionRow = Prisma.ArticleRevisionGetPayload<{ include: typeof revisionInclude }>;

function comparable(r: RevisionRow): ComparableContent {
  return {
    title: r.title, titleTags: r.titleTags, subtitle: r.subtitle, author: r.author, source: r.source, summary: r.summary,
    coverId: r.coverId, coverAlt: r.coverAlt, attachments: parseAttachmentRefs(r.attachments),
    indexNo: r.indexNo, topic: r.topic, issuingOrg: r.issuingOrg, writtenAt: r.writtenAt, docNo: r.docNo,
    ...storedValidityOf(r),
    interpretationKind: r.interpretationKind,
    interprets: r.interprets.map((i) => i.document),
  };
}

/** Two revisions of one article and the readable difference from the first to the second. */
export async function compareRevisions(articleId: number, fromId: number, toId: number): Promise<{ from: RevisionRow; to: RevisionRow; diff: ContentDiff } | null> {
  const rows = await db().articleRevision.findMany({ where: { articleId, id: { in: [fromId, toId] } }, include: revisionInclude });
  const from = rows.find((r) => r.id === fromId);
  const to = rows.find((r) => r.id === toId);
  if (!from || !to) return null;
  const coverIds = [from.coverId, to.coverId].filter((id): id is number => id !== null);
  const covers = await db().media.findMany({ where: { id: { in: coverIds } }, select: { id: true, originalName: true } });
  // The file's name: its alt text is compared as the revision saved it (coverAlt).
  const mediaName = (id: number) => covers.find((c) => c.id === id)?.originalName;
  const diff = diffContent(
    { fields: displayFields(comparable(from), { mediaName }), body: from.bodyJson as unknown as RichTextNode },
    { fields: displayFields(comparable(to), { mediaName }), body: to.bodyJson as unknown as RichTextNode },
  );
  return { from, to, diff };
}

/**
 * Restores an old revision: its content becomes the next version (a new revision;
 * history is never rewritten). The article's column, 公开日期 and flags stay as they are.
 */
export async function restoreRevision(
  input: { articleId: number; revisionId: number; baseVersion: number },
  actor: ArticleActor,
): Promise<SaveResult> {
  const revision = await db().articleRevision.findFirst({ where: { id: input.revisionId, articleId: input.articleId }, include: { interprets: interpretedSelect } });
  const article = await db().article.findUnique({ where: { id: input.articleId }, select: { columnId: true, publishedAt: true, pinned: true, headline: true } });
  if (!revision || !article) throw new ActionError("not_found", "该版本不存在或已被删除。");
  // Attachments deleted from the library since then cannot come back.
  const refs = parseAttachmentRefs(revision.attachments);
  const existing = new Set(
    (await db().media.findMany({ where: { id: { in: refs.map((r) => r.mediaId) }, kind: "ATTACHMENT" }, select: { id: true } })).map((m) => m.id),
  );
  const cover = revision.coverId ? await db().media.findUnique({ where: { id: revision.coverId }, select: { id: true } }) : null;
  const saved = await saveArticle(
    {
      id: input.articleId,
      baseVersion: input.baseVersion,
      ...article,
      title: revision.title,
      titleTags: revision.titleTags,
      subtitle: revision.subtitle,
      author: revision.author,
      source: revision.source,
      summary: revision.summary,
      bodyJson: revision.bodyJson as unknown as RichTextNode,
      coverId: cover?.id ?? null,
      attachments: refs.filter((r) => existing.has(r.mediaId)).map((r) => ({ mediaId: r.mediaId, name: r.name || "附件" })),
      indexNo: revision.indexNo,
      topic: revision.topic,
      issuingOrg: revision.issuingOrg,
      writtenAt: revision.writtenAt,
      docNo: revision.docNo,
      ...storedValidityOf(revision),
      interpretationKind: revision.interpretationKind,
      interprets: interpretedIds(revision.interprets),
    },
    actor,
    { note: `恢复自第 ${revision.version} 版`, auditAction: "article.restore" },
  );
  if (saved.unchanged) {
    await auditBy(actor, { action: "article.restore", targetType: "article", targetId: input.articleId, detail: { fromVersion: revision.version, unchanged: true } });
  }
  return saved;
}
