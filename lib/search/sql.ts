import { db, Prisma } from "@/lib/db/client";

/**
 * The one search, over either side of the index, run inside the database by
 * gazette_search_page() (migration *_search_text_index) in a single call:
 *   1. candidates — articles whose text holds every character and Latin word of the
 *      query, found by a GIN index alone (built on an expression over the search row's
 *      normalised text; no vector is stored); for common words only within the newest
 *      months that hold 2,000 articles (of the date range, if one is asked for), else
 *      20,000, else five years, else all time — the index intersects the query with
 *      month/year tokens — so that a search costs what its pages need, not what the
 *      whole archive holds (migration *_search_spans_by_volume); ordered head matches
 *      (title, summary…) first, then newest;
 *   2. checked — in that order, each candidate's text must hold every term as typed (a
 *      phrase stays a phrase; Latin words whole), until the pages to show are filled;
 *      how many passed estimates the total;
 *   3. ranked — the first RANK_WINDOW (50) by where the terms occur: title above summary
 *      above body, terms standing together above terms apart; later ones keep their order.
 * The user's text is only ever a bind parameter: gazette_search_terms() normalises it
 * exactly as the text was, and the test and patterns are built from those characters
 * alone — no string is spliced into SQL, whatever quotes, operators or backslashes it holds.
 */
export type SearchVector = "public" | "admin";

/**
 * How many of the best candidates are ranked exactly: five pages. Ranking reads each
 * candidate's whole vector, the dearest step of a search; past the fifth page the
 * cheap order (head matches first, then newest) is as useful to a reader.
 */
export const RANK_WINDOW = 50;
/** Beyond this many matches the total is reported as "more than". */
export const COUNT_CAP = 1000;

export interface SearchOptions {
  query: string;
  vector: SearchVector;
  /** relevance: exact rank for the first RANK_WINDOW, then head matches and newest; date: newest only. */
  order: "relevance" | "date";
  offset: number;
  limit: number;
  /**
   * How deep any page of this search may go (the public site: its last page). The span
   * of time is chosen to hold that many candidates whatever page is asked for, so that
   * pages of one search never overlap.
   */
  depth: number;
  /** Column ids (with their descendants already added); undefined: any. */
  columnIds?: readonly number[];
  /** Or a column by slug: it and every column below it (an unknown slug matches nothing). */
  columnSlug?: string;
  /** Admin only: workflow statuses; undefined: any. */
  statuses?: readonly string[];
  /** Public only: publication range [from, to). */
  from?: Date | null;
  to?: Date | null;
  now?: Date;
}

export interface SearchPage {
  ids: number[];
  /** How many articles match (at most COUNT_CAP, see `capped`). */
  total: number;
  /** False when `total` counts articles holding all the tokens, not all of them checked for the phrase. */
  exactTotal: boolean;
  /** True when more than COUNT_CAP articles match. */
  capped: boolean;
}

function searchPageSql(options: SearchOptions): Prisma.Sql {
  // PostgreSQL text cannot hold NUL; nothing else needs removing.
  const text = options.query.replace(/\u0000/g, "");
  const ts = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 23) : null); // UTC, as stored
  const columns = options.columnSlug
    ? Prisma.sql`(WITH RECURSIVE tree AS (
        SELECT id FROM "Column" WHERE slug = ${options.columnSlug}
        UNION SELECT c.id FROM "Column" c JOIN tree ON c."parentId" = tree.id)
      SELECT coalesce(array_agg(id), '{}') FROM tree)`
    : Prisma.sql`${options.columnIds ? [...options.columnIds] : null}::int[]`;
  return Prisma.sql`gazette_search_page(
    ${options.vector}, ${text}, ${options.order === "date"},
    ${columns}, ${options.statuses ? [...options.statuses] : null}::text[],
    ${ts(options.from)}::timestamp, ${ts(options.to)}::timestamp, ${ts(options.now ?? new Date())}::timestamp,
    ${options.offset}, ${options.limit}, ${options.depth}, ${RANK_WINDOW}, ${COUNT_CAP})`;
}

export async function searchIds(options: SearchOptions): Promise<SearchPage | null> {
  const rows = await db().$queryRaw<{ ids: number[]; total: number; exact: boolean; capped: boolean; searchable: boolean }[]>`
    SELECT ids, total, exact, capped, searchable FROM ${searchPageSql(options)}`;
  const row = rows[0];
  if (!row?.searchable) return null;
  return { ids: row.ids, total: row.total, exactTotal: row.exact, capped: row.capped };
}

export interface CompiledQuery {
  /** The presence test the index answers alone. */
  presence: string;
  /** What each candidate's text must match, one regular expression per term; null when the presence test decides. */
  patterns: string[] | null;
}

/** The query as PostgreSQL will match it (see gazette_search_page); null when nothing in it is searchable. */
export async function compileQuery(query: string, vector: SearchVector = "public"): Promise<CompiledQuery | null> {
  const text = query.replace(/\u0000/g, "");
  const rows = await db().$queryRaw<{ presence: string | null; patterns: string[] | null }[]>`
    WITH t AS (SELECT gazette_search_terms(${text}) AS terms)
    SELECT gazette_search_presence(terms, ${vector === "admin"})::text AS presence,
      CASE WHEN gazette_search_needs_check(terms) THEN gazette_search_patterns(terms, ${vector === "admin"}) END AS patterns
    FROM t`;
  const row = rows[0];
  return row?.presence ? { presence: row.presence, patterns: row.patterns } : null;
}
