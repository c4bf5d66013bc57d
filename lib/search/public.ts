import "server-only";
import { publicArticleWhere } from "@/lib/articles/queries";
import { db, Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { highlight, snippet, type Segment } from "./highlight";
import { queryNeedles } from "./needles";
import { nextDay, PAGE_SIZE, startOfDay, type SearchRequest } from "./params";
import { matchedIds } from "./sql";

/**
 * The citizens' search: live articles only, ranked (or newest first), with a
 * highlighted title and snippet. Matching and ranking run in PostgreSQL on the public
 * index, which holds the live revision's text (never a working copy under review);
 * the rows are then loaded through publicArticleWhere(), the one public read rule.
 */
export interface PublicSearchHit {
  id: number;
  title: Segment[];
  titleTags: string[];
  snippet: Segment[];
  publishedAt: Date;
  column: { name: string; slug: string };
}

export interface PublicSearchResult {
  /** False when the query has nothing to search for (empty, or only punctuation/emoji). */
  searchable: boolean;
  total: number;
  pageCount: number;
  hits: PublicSearchHit[];
}

export async function searchPublicArticles(request: SearchRequest, now: Date = new Date()): Promise<PublicSearchResult> {
  const timeZone = env().DISPLAY_TIME_ZONE;
  const filters: Prisma.Sql[] = [
    // publicArticleWhere() as SQL, for the ranking query; the rows are re-read through it below.
    Prisma.sql`a.live AND a."liveRevisionId" IS NOT NULL AND a."publishedAt" <= ${now}`,
  ];
  if (request.column) {
    filters.push(Prisma.sql`a."columnId" IN (
      WITH RECURSIVE tree AS (
        SELECT id FROM "Column" WHERE slug = ${request.column}
        UNION SELECT c.id FROM "Column" c JOIN tree ON c."parentId" = tree.id)
      SELECT id FROM tree)`);
  }
  if (request.from) filters.push(Prisma.sql`a."publishedAt" >= ${startOfDay(request.from, timeZone)}`);
  if (request.to) filters.push(Prisma.sql`a."publishedAt" < ${startOfDay(nextDay(request.to), timeZone)}`);

  const matched = await matchedIds({
    query: request.q,
    vector: "public",
    filters,
    order: request.sort,
    limit: PAGE_SIZE,
    offset: (request.page - 1) * PAGE_SIZE,
  });
  if (!matched) return { searchable: false, total: 0, pageCount: 0, hits: [] };

  const rows = await db().article.findMany({
    where: { id: { in: matched.ids }, ...publicArticleWhere(now) },
    select: {
      id: true,
      publishedAt: true,
      column: { select: { name: true, slug: true } },
      liveRevision: { select: { title: true, titleTags: true, summary: true, bodyText: true } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const needles = queryNeedles(request.q);
  const hits = matched.ids.flatMap((id): PublicSearchHit[] => {
    const row = byId.get(id);
    if (!row?.liveRevision || !row.publishedAt) return [];
    const { title, titleTags, summary, bodyText } = row.liveRevision;
    const body = snippet(bodyText, needles);
    return [
      {
        id,
        title: highlight(title, needles),
        titleTags,
        // A title-only match shows the summary (or the body's start) without marks.
        snippet: body.some((s) => s.hit) || !summary ? body : snippet(summary, needles),
        publishedAt: row.publishedAt,
        column: row.column,
      },
    ];
  });
  return { searchable: true, total: matched.total, pageCount: Math.ceil(matched.total / PAGE_SIZE), hits };
}
