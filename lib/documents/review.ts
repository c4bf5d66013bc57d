import "server-only";
import { db } from "@/lib/db/client";
import { isDocument } from "./validity";

/**
 * Should the reviewer be warned that a policy document goes out alone? 政府网站发展指引
 * asks that a document and its interpretation be prepared, approved and published
 * together: warn while a document is in review and no interpretation of it is public
 * (its live revision names it) or on its way (in review, approved or scheduled, its
 * current version names it).
 */
export async function documentLacksInterpretation(articleId: number): Promise<boolean> {
  const article = await db().article.findUnique({ where: { id: articleId }, select: { status: true, docNo: true, column: { select: { reportCategory: true } } } });
  if (!article || article.status !== "IN_REVIEW" || !isDocument({ docNo: article.docNo, reportCategory: article.column.reportCategory })) return false;
  const [{ found }] = await db().$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "DocumentInterpretation" l
      JOIN "ArticleRevision" r ON r.id = l."revisionId" JOIN "Article" a ON a.id = r."articleId"
      WHERE l."documentId" = ${articleId}
        AND ((a.live AND a."liveRevisionId" = r.id) OR (a.status IN ('IN_REVIEW', 'APPROVED', 'SCHEDULED') AND r.version = a.version))
    ) AS found`;
  return !found;
}
