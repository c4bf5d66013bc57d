import "server-only";
import { visibleTo } from "@/lib/articles/admin-queries";
import { publicArticleSql, publicArticleWhere } from "@/lib/articles/public-rule";
import type { SessionUser } from "@/lib/auth/session";
import { db, type Prisma } from "@/lib/db/client";
import type { DocumentChoice } from "./interpretations";
import { normalizeDocNo } from "./schema";

/** The documents a revision interprets, in order (select it, then read the ids with interpretedIds). */
export const interpretedSelect = { select: { documentId: true }, orderBy: { position: "asc" } } satisfies Prisma.ArticleRevision$interpretsArgs;

export function interpretedIds(rows: { documentId: number }[]): number[] {
  return rows.map((r) => r.documentId);
}

const choiceSelect = { id: true, title: true, docNo: true, indexNo: true } satisfies Prisma.ArticleSelect;

/** The documents a version of an article interprets, for the editor (working titles). */
export async function interpretedDocuments(client: Pick<Prisma.TransactionClient, "documentInterpretation">, articleId: number, version: number): Promise<DocumentChoice[]> {
  const rows = await client.documentInterpretation.findMany({
    where: { revision: { articleId, version } },
    orderBy: { position: "asc" },
    select: { document: { select: choiceSelect } },
  });
  return rows.map((r) => r.document);
}

/**
 * Documents for the editor's picker: by 发文字号 or 索引号 (as typed, brackets corrected)
 * or by words of the title; documents only (a 发文字号, or a 信息公开目录 column), newest
 * first — public ones, and drafts the user may see (never another column's draft titles).
 */
export async function findDocuments(query: string, excludeId: number | null, user: Pick<SessionUser, "id" | "role" | "columnIds">, limit = 10): Promise<DocumentChoice[]> {
  const q = query.trim();
  if (!q) return [];
  const docNo = normalizeDocNo(q);
  return db().article.findMany({
    where: {
      AND: [
        excludeId ? { id: { not: excludeId } } : {},
        { status: { not: "WITHDRAWN" } },
        { OR: [publicArticleWhere(), visibleTo(user)] },
        { OR: [{ docNo: { not: null } }, { column: { reportCategory: "DISCLOSURE" } }] },
        { OR: [{ title: { contains: q, mode: "insensitive" } }, { docNo: { contains: docNo } }, { indexNo: { contains: q, mode: "insensitive" } }] },
      ],
    },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { id: "desc" }],
    take: limit,
    select: choiceSelect,
  });
}

/**
 * The public articles whose page shows this one: the documents it amends or replaces
 * ("见《……》" names it) and the interpretations of it (政策原文). When it is published, edited or withdrawn their pages change
 * too, so lib/articles/paths.ts refreshes them by address (the page cache also drops
 * them by this article's cache tag, which they carry).
 */
export async function articlesShowing(id: number): Promise<number[]> {
  const rows = await db().$queryRaw<{ id: number }[]>`
    SELECT a.id FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
    WHERE r."replacedById" = ${id} AND ${publicArticleSql()}
    UNION
    SELECT a.id FROM "DocumentInterpretation" l JOIN "Article" a ON a."liveRevisionId" = l."revisionId"
    WHERE l."documentId" = ${id} AND ${publicArticleSql()}`;
  return rows.map((r) => r.id);
}
