import type { DocumentValidity } from "@/generated/prisma/enums";
import { publicArticleSql } from "@/lib/articles/public-rule";
import { db } from "@/lib/db/client";
import { effectiveValidity } from "@/lib/documents/validity";
import { env } from "@/lib/env";
import { highlight, snippet, type Segment } from "./highlight";
import { queryNeedles } from "./needles";
import { MAX_PAGE, nextDay, PAGE_SIZE, startOfDay, type SearchRequest } from "./params";
import { searchEngine } from "./engine";

/**
 * The citizens' search: live articles only, ranked (or newest first), with a
 * highlighted title and snippet. The search engine (./engine.ts) matches and ranks on the
 * public side of the index, which holds the live revision's text (never a working copy
 * under review); the page's rows are then loaded from the live revision, under the
 * public read rule.
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
  id: number;
  publishedAt: Date;
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
  const page = await searchEngine().page({
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
  if (!page) return { searchable: false, total: 0, exactTotal: true, capped: false, pageCount: 0, hits: [] };

  // The rows: live, due, from the live revision — the public rule (lib/articles/
  // public-rule.ts), checked again here whatever the engine returned — in its order.
  const rows = page.ids.length === 0 ? [] : await db().$queryRaw<Row[]>`
    SELECT a.id, a."publishedAt", r.title, r."titleTags", r.summary, r."bodyText",
      c.name AS "columnName", c.slug AS "columnSlug", r.validity, r."validityDate", r."validUntil"
    FROM unnest(${page.ids}::int[]) WITH ORDINALITY AS u(id, n)
    JOIN "Article" a ON a.id = u.id
    JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
    JOIN "Column" c ON c.id = a."columnId"
    WHERE ${publicArticleSql(now)}
    ORDER BY u.n`;

  const needles = queryNeedles(request.q);
  const hits = rows.map((row): PublicSearchHit => {
    const body = snippet(row.bodyText, needles);
    return {
      id: row.id,
      title: highlight(row.title, needles),
      titleTags: row.titleTags,
      // A title-only match shows the summary (or the body's start) without marks.
      snippet: body.some((s) => s.hit) || !row.summary ? body : snippet(row.summary, needles),
      publishedAt: row.publishedAt,
      column: { name: row.columnName, slug: row.columnSlug },
      validity: effectiveValidity({ validity: row.validity, validityDate: calendarDay(row.validityDate), validUntil: calendarDay(row.validUntil) }).state,
    };
  });
  return {
    searchable: true,
    total: page.total,
    exactTotal: page.exactTotal,
    capped: page.capped,
    pageCount: Math.min(Math.ceil(page.total / PAGE_SIZE), MAX_PAGE),
    hits,
  };
}

/** A DATE column from a raw query (a Date or "YYYY-MM-DD", depending on the driver's parser). */
function calendarDay(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}
