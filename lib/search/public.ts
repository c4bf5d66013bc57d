import type { DocumentValidity } from "@/generated/prisma/enums";
import { publicArticleSql } from "@/lib/articles/public-rule";
import { db } from "@/lib/db/client";
import { effectiveValidity } from "@/lib/documents/validity";
import { env } from "@/lib/env";
import { highlight, snippet, type Segment } from "./highlight";
import { queryNeedles } from "./needles";
import { MAX_PAGE, nextDay, PAGE_SIZE, startOfDay, type SearchRequest } from "./params";
import { searchPageSql } from "./sql";

/**
 * The citizens' search: live articles only, ranked (or newest first), with a
 * highlighted title and snippet. Matching and ranking run on the public index, which
 * holds the live revision's text (never a working copy under review); the page's rows
 * are loaded in the same statement, from the live revision, under the public read rule.
 */
export interface PublicSearchHit {
  id: number;
  title: Segment[];
  titleTags: string[];
  snippet: Segment[];
  publishedAt: Date;
  column: { name: string; slug: string };
  /** 有效性 as a reader is told it today. */
  validity: DocumentValidity;
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

interface Row {
  total: number;
  exact: boolean;
  capped: boolean;
  searchable: boolean;
  id: number | null;
  publishedAt: Date | null;
  title: string;
  titleTags: string[];
  summary: string;
  bodyText: string;
  columnName: string;
  columnSlug: string;
  validity: DocumentValidity;
  validityDate: Date | string | null;
  validUntil: Date | string | null;
}

export async function searchPublicArticles(request: SearchRequest, now: Date = new Date()): Promise<PublicSearchResult> {
  const timeZone = env().DISPLAY_TIME_ZONE;
  const search = searchPageSql({
    query: request.q,
    vector: "public",
    order: request.sort,
    offset: (request.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    depth: MAX_PAGE * PAGE_SIZE,
    columnSlug: request.column ?? undefined,
    from: request.from ? startOfDay(request.from, timeZone) : null,
    to: request.to ? startOfDay(nextDay(request.to), timeZone) : null,
    now,
  });
  // The rows: live, due, from the live revision — the public rule (lib/articles/
  // public-rule.ts), checked again here although the public index holds nothing else.
  const rows = await db().$queryRaw<Row[]>`
    SELECT p.total, p.exact, p.capped, p.searchable, d.id, d."publishedAt", d.title, d."titleTags", d.summary, d."bodyText",
      d."columnName", d."columnSlug", d.validity, d."validityDate", d."validUntil"
    FROM ${search} AS p
    LEFT JOIN LATERAL (
      SELECT a.id, a."publishedAt", r.title, r."titleTags", r.summary, r."bodyText", r.validity, r."validityDate", r."validUntil", c.name AS "columnName", c.slug AS "columnSlug", u.n
      FROM unnest(p.ids) WITH ORDINALITY AS u(id, n)
      JOIN "Article" a ON a.id = u.id
      JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
      JOIN "Column" c ON c.id = a."columnId"
      WHERE ${publicArticleSql(now)}
    ) AS d ON true
    ORDER BY d.n`;
  const meta = rows[0];
  if (!meta?.searchable) return { searchable: false, total: 0, exactTotal: true, capped: false, pageCount: 0, hits: [] };

  const needles = queryNeedles(request.q);
  const hits = rows.flatMap((row): PublicSearchHit[] => {
    if (row.id === null || row.publishedAt === null) return [];
    const body = snippet(row.bodyText, needles);
    return [
      {
        id: row.id,
        title: highlight(row.title, needles),
        titleTags: row.titleTags,
        // A title-only match shows the summary (or the body's start) without marks.
        snippet: body.some((s) => s.hit) || !row.summary ? body : snippet(row.summary, needles),
        publishedAt: row.publishedAt,
        column: { name: row.columnName, slug: row.columnSlug },
        validity: effectiveValidity({ validity: row.validity, validityDate: calendarDay(row.validityDate), validUntil: calendarDay(row.validUntil) }).state,
      },
    ];
  });
  return {
    searchable: true,
    total: meta.total,
    exactTotal: meta.exact,
    capped: meta.capped,
    pageCount: Math.min(Math.ceil(meta.total / PAGE_SIZE), MAX_PAGE),
    hits,
  };
}

/** A DATE column from a raw query (a Date or "YYYY-MM-DD", depending on the driver's parser). */
function calendarDay(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}
