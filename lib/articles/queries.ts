import { cache } from "react";
import { getColumnPathById, type ColumnInfo } from "@/lib/columns/queries";
import type { DocumentValidity } from "@/generated/prisma/enums";
import { db, Prisma } from "@/lib/db/client";
import { documentViewOf, effectiveValidity } from "@/lib/documents/validity";
import { sqlRows } from "@/lib/db/sql";
import { mediaUrl } from "@/lib/media/storage";
import type { RichTextNode } from "@/lib/sanitize/tiptap";
import { publicArticleSql, publicArticleWhere } from "./public-rule";
import { disclosureOf, parseAttachmentRefs, type ArticleViewData, type AttachmentRef, type AttachmentView } from "./view";

export const listSelect = {
  id: true,
  publishedAt: true,
  pinned: true,
  columnId: true,
  liveRevision: { select: { title: true, titleTags: true, summary: true, validity: true, validityDate: true, validUntil: true } },
} satisfies Prisma.ArticleSelect;

export interface ArticleListItem {
  id: number;
  title: string;
  titleTags: string[];
  summary: string;
  publishedAt: Date;
  pinned: boolean;
  /** 有效性 as a reader is told it today (listings mark documents that no longer apply). */
  validity?: DocumentValidity;
}

export function toListItem(row: Prisma.ArticleGetPayload<{ select: typeof listSelect }>): ArticleListItem {
  return {
    id: row.id,
    title: row.liveRevision?.title ?? "",
    titleTags: row.liveRevision?.titleTags ?? [],
    summary: row.liveRevision?.summary ?? "",
    publishedAt: row.publishedAt!,
    pinned: row.pinned,
    validity: row.liveRevision ? effectiveValidity(row.liveRevision).state : undefined,
  };
}

export async function listLatestArticles(limit = 20): Promise<ArticleListItem[]> {
  const rows = await db().article.findMany({
    where: publicArticleWhere(),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: listSelect,
  });
  return rows.map(toListItem);
}

/** A published article with its live content, or null (unknown, draft, scheduled, withdrawn). */
export interface PublicArticle {
  id: number;
  columnId: number;
  publishedAt: Date;
  viewCount: number;
  /** The live revision, without its plain text (that exists for the search index). */
  live: {
    title: string;
    titleTags: string[];
    subtitle: string;
    author: string;
    source: string;
    summary: string;
    bodyJson: Prisma.JsonValue;
    bodyHtml: string;
    attachments: Prisma.JsonValue;
    /** When this revision was saved. */
    createdAt: Date;
    indexNo: string | null;
    topic: string | null;
    issuingOrg: string | null;
    writtenAt: Date | null;
    docNo: string | null;
    validity: DocumentValidity;
    validityDate: Date | null;
    replacedById: number | null;
    validUntil: Date | null;
  };
  /** 信息公开目录 columns make their articles documents (lib/documents/validity.ts). */
  reportCategory: string | null;
  /** The live title of the document that amends or replaces this one, when it is public. */
  replacementTitle: string | null;
  corrections: { note: string; createdAt: Date }[];
}

/**
 * A public article with its live revision and corrections, in one statement through
 * node-postgres (lib/db/sql.ts): it is the first query of every uncached article page.
 */
export async function getPublicArticle(id: number): Promise<PublicArticle | null> {
  const rows = await sqlRows<Omit<PublicArticle, "live" | "corrections"> & PublicArticle["live"] & { revisedAt: Date; corrections: { note: string; createdAt: string }[] }>(Prisma.sql`
    SELECT a.id, a."columnId", a."publishedAt", a."viewCount",
      r.title, r."titleTags", r.subtitle, r.author, r.source, r.summary, r."bodyJson", r."bodyHtml", r.attachments,
      r."createdAt" AS "revisedAt", r."indexNo", r.topic, r."issuingOrg", r."writtenAt", r."docNo",
      r.validity, r."validityDate", r."replacedById", r."validUntil",
      (SELECT col."reportCategory" FROM "Column" col WHERE col.id = a."columnId") AS "reportCategory",
      (SELECT rr.title FROM "Article" ra JOIN "ArticleRevision" rr ON rr.id = ra."liveRevisionId"
        WHERE ra.id = r."replacedById" AND ${publicArticleSql(new Date(), "ra")}) AS "replacementTitle",
      COALESCE((SELECT json_agg(json_build_object('note', c.note, 'createdAt', c."createdAt") ORDER BY c."createdAt", c.id)
                FROM "Correction" c WHERE c."articleId" = a.id), '[]') AS corrections
    FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
    WHERE a.id = ${id} AND ${publicArticleSql()}`);
  const row = rows[0];
  if (!row) return null;
  const { id: articleId, columnId, publishedAt, viewCount, revisedAt, corrections, reportCategory, replacementTitle, ...live } = row;
  return {
    id: articleId,
    columnId,
    publishedAt,
    viewCount,
    reportCategory,
    replacementTitle,
    live: { ...live, createdAt: revisedAt },
    // JSON carries the timestamps as text, in UTC like every timestamp column.
    corrections: corrections.map((c) => ({ note: c.note, createdAt: new Date(`${c.createdAt}Z`) })),
  };
}

/** Everything the article page, its metadata and its downloads need. */
export interface PublicArticleContent {
  view: ArticleViewData & { id: number; publishedAt: Date };
  summary: string;
  /** The editor's JSON of the live revision (the Word export walks it). */
  bodyJson: RichTextNode;
  columnId: number;
  /** Top-level column down to the article's column. */
  columnPath: ColumnInfo[];
  /** When the public content last changed (the live revision was saved). */
  modifiedAt: Date;
  /** The first picture of the body, for link previews. */
  image: { src: string; alt: string } | null;
  /**
   * Other articles whose public state the page shows (the document that replaces this
   * one): their publication, edit or withdrawal refreshes it, by their cache tag.
   */
  shows: number[];
}

/** The public article for its page and downloads; cached per request (metadata + page). */
export const getPublicArticleContent = cache(async (id: number): Promise<PublicArticleContent | null> => {
  const article = await getPublicArticle(id);
  if (!article) return null;
  const { live } = article;
  const [attachments, columnPath] = await Promise.all([loadAttachmentViews(parseAttachmentRefs(live.attachments)), getColumnPathById(article.columnId)]);
  const bodyJson = live.bodyJson as unknown as RichTextNode;
  return {
    view: {
      id: article.id,
      title: live.title,
      titleTags: live.titleTags,
      subtitle: live.subtitle,
      author: live.author,
      source: live.source,
      publishedAt: article.publishedAt,
      viewCount: article.viewCount,
      bodyHtml: live.bodyHtml,
      attachments,
      disclosure: disclosureOf(live),
      document: documentViewOf({ ...live, reportCategory: article.reportCategory, replacementTitle: article.replacementTitle }),
      corrections: article.corrections,
    },
    summary: live.summary,
    bodyJson,
    columnId: article.columnId,
    columnPath,
    modifiedAt: live.createdAt > article.publishedAt ? live.createdAt : article.publishedAt,
    image: firstImage(bodyJson),
    shows: live.replacedById !== null ? [live.replacedById] : [],
  };
});

/** The attachments of a revision, in order, with their type and size; missing media are skipped. */
export async function loadAttachmentViews(refs: AttachmentRef[]): Promise<AttachmentView[]> {
  if (refs.length === 0) return [];
  const media = await db().media.findMany({
    where: { id: { in: refs.map((r) => r.mediaId) } },
    select: { id: true, storageKey: true, originalName: true, mimeType: true, size: true },
  });
  const byId = new Map(media.map((m) => [m.id, m]));
  return refs.flatMap((ref) => {
    const m = byId.get(ref.mediaId);
    return m ? [{ name: ref.name || m.originalName, href: mediaUrl(m.storageKey), mimeType: m.mimeType, size: m.size }] : [];
  });
}

export function firstImage(doc: RichTextNode): { src: string; alt: string } | null {
  if (doc.type === "image" && typeof doc.attrs?.src === "string") return { src: doc.attrs.src, alt: String(doc.attrs.alt ?? "") };
  for (const child of doc.content ?? []) {
    const found = firstImage(child);
    if (found) return found;
  }
  return null;
}

/**
 * A withdrawn article (撤稿): it was public and an editor took it down. Its URL
 * answers 410 Gone rather than 404, so that readers and search engines know it was
 * removed on purpose.
 */
export function withdrawnArticleWhere(): Prisma.ArticleWhereInput {
  return { status: "WITHDRAWN", live: false, withdrawnAt: { not: null } };
}

export async function getWithdrawnArticle(id: number): Promise<{ id: number; withdrawnAt: Date } | null> {
  const row = await db().article.findFirst({ where: { id, ...withdrawnArticleWhere() }, select: { id: true, withdrawnAt: true } });
  return row ? { id: row.id, withdrawnAt: row.withdrawnAt! } : null;
}

/**
 * Published articles for sitemaps, newest first, with when each last changed for the
 * public (its live revision, or its 公开日期 if later); those with an id in
 * [fromId, toId] when given, read by the primary key. One statement: a part holds
 * thousands of rows.
 */
export async function listPublishedForSitemap(ids?: { fromId: number; toId: number }): Promise<{ id: number; publishedAt: Date; modifiedAt: Date }[]> {
  const range = ids ? Prisma.sql`AND a.id BETWEEN ${ids.fromId} AND ${ids.toId}` : Prisma.empty;
  return sqlRows(Prisma.sql`
    SELECT a.id, a."publishedAt", GREATEST(r."createdAt", a."publishedAt") AS "modifiedAt"
    FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
    WHERE ${publicArticleSql()} ${range}
    ORDER BY a."publishedAt" DESC, a.id DESC`);
}

/** The highest id of a public article (0 when there is none): where the sitemap's parts end. */
export async function highestPublishedId(): Promise<number> {
  const row = await db().article.findFirst({ where: publicArticleWhere(), orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0;
}
