import "server-only";
import { publicArticleWhere } from "@/lib/articles/queries";
import { db, Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { highlight, snippet, type Segment } from "./highlight";
import { queryNeedles } from "./needles";
import { MAX_PAGE, nextDay, PAGE_SIZE, startOfDay, type SearchRequest } from "./params";
import { searchIds } from "./sql";

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
  /** False when `total` is an upper estimate (a phrase query with many candidates). */
  exactTotal: boolean;
  /** True when more than `total` articles match (the count stops at COUNT_CAP). */
  capped: boolean;
  pageCount: number;
  hits: PublicSearchHit[];
}

export async function searchPublicArticles(request: SearchRequest, now: Date = new Date()): Promise<PublicSearchResult> {
  const timeZone = env().DISPLAY_TIME_ZONE;
  // publicArticleWhere() on the search row's copies (the public vector exists only while
  // the article is live); the rows are loaded through publicArticleWhere() itself below.
  const filters: Prisma.Sql[] = [Prisma.sql`s."publishedAt" <= ${now}`];
  if (request.column) {
    filters.push(Prisma.sql`s."columnId" IN (
      WITH RECURSIVE tree AS (
        SELECT id FROM "Column" WHERE slug = ${request.column}
        UNION SELECT c.id FROM "Column" c JOIN tree ON c."parentId" = tree.id)
      SELECT id FROM tree)`);
  }
  const from = request.from ? startOfDay(request.from, timeZone) : null;
  const to = request.to ? startOfDay(nextDay(request.to), timeZone) : null;
  if (from) filters.push(Prisma.sql`s."publishedAt" >= ${from}`);
  if (to) filters.push(Prisma.sql`s."publishedAt" < ${to}`);

  const matched = await searchIds({
    query: request.q,
    vector: "public",
    filters,
    range: { from, to },
    order: request.sort,
    limit: PAGE_SIZE,
    offset: (request.page - 1) * PAGE_SIZE,
    depth: MAX_PAGE * PAGE_SIZE,
    now,
  });
  if (!matched) return { searchable: false, total: 0, exactTotal: true, capped: false, pageCount: 0, hits: [] };

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
  return {
    searchable: true,
    total: matched.total,
    exactTotal: matched.exactTotal,
    capped: matched.capped,
    pageCount: Math.ceil(matched.total / PAGE_SIZE),
    hits,
  };
}
