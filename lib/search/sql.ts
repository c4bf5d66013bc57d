import "server-only";
import { db, Prisma } from "@/lib/db/client";

/**
 * The one search query, over either index, in two steps (see the *_search_candidates
 * *_search_months and *_search_characters_years migrations for why):
 *   1. candidates — articles with all the query's tokens, found by the GIN index alone
 *      (no vector is unpacked), within the last few months first: the index intersects
 *      the words with month/year tokens, and the span widens (STEPS) only while there
 *      are too few matches; ordered head matches (title, summary…) first, then newest;
 *   2. exact — for the first RANK_WINDOW candidates the full vector is read, to check
 *      phrases (tokens in order) and rank by relevance; later candidates keep their
 *      order and are only checked.
 * So the best 100 of the recent matches are ranked exactly, and the cost depends on
 * how many results are wanted, not on how many articles contain a common word.
 * The user's text reaches PostgreSQL only as a bind parameter: gazette_search_query()
 * tokenises it exactly as the index was built and makes the tsquery from lexemes — no
 * string is ever spliced into SQL, whatever quotes, operators or backslashes it holds.
 */
export type SearchVector = "public" | "admin";

const COLUMNS: Record<SearchVector, { vector: Prisma.Sql; head: Prisma.Sql; newest: Prisma.Sql }> = {
  public: {
    vector: Prisma.raw('s."publicVector"'),
    head: Prisma.raw('h."publicHead"'),
    newest: Prisma.raw('s."publishedAt" DESC NULLS LAST, s."articleId" DESC'),
  },
  admin: { vector: Prisma.raw('s."adminVector"'), head: Prisma.raw('h."adminHead"'), newest: Prisma.raw('s."articleId" DESC') },
};

/** How many of the best candidates are ranked exactly: ten pages. */
export const RANK_WINDOW = 100;
/**
 * Candidates come from the last 3 months, else this year and last, else the last five
 * years, else all time: each a handful of month or year tokens for the index.
 */
const STEPS: ((now: Date) => { since: Date; until: Date })[] = [
  (now) => ({ since: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1)), until: now }),
  (now) => ({ since: new Date(Date.UTC(now.getUTCFullYear() - 1, 0, 1)), until: endOfYear(now) }),
  (now) => ({ since: new Date(Date.UTC(now.getUTCFullYear() - 4, 0, 1)), until: endOfYear(now) }),
];
/** Beyond this many matches the total is reported as "more than". */
export const COUNT_CAP = 1000;

export interface SearchOptions {
  query: string;
  vector: SearchVector;
  /** Conditions on the search row, alias `s` (its columnId, status, publishedAt), ANDed. */
  filters: Prisma.Sql[];
  /** The caller's own date range on the month dimension (publication for public, creation for admin), if any. */
  range?: { from: Date | null; to: Date | null };
  /** relevance: exact rank for the first RANK_WINDOW, then head matches and newest; date: newest only. */
  order: "relevance" | "date";
  offset: number;
  limit: number;
  /**
   * How deep any page of this search may go (the public site: its last page). The months
   * are chosen to hold at least that many matches whatever page is asked for, so that
   * every page of a search comes from the same candidates and pages never overlap.
   */
  depth: number;
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

interface Compiled {
  exact: string;
  presence: string;
}

/** The query as PostgreSQL will match it, exact and as a presence test; null when nothing in it is searchable. */
export async function compileQuery(query: string): Promise<Compiled | null> {
  // PostgreSQL text cannot hold NUL; nothing else needs removing.
  const text = query.replace(/\u0000/g, "");
  if (!text.trim()) return null;
  const rows = await db().$queryRaw<{ exact: string | null; presence: string | null }[]>`
    SELECT gazette_search_query(${text}, true)::text AS exact, gazette_search_query(${text}, false)::text AS presence`;
  const row = rows[0];
  return row?.exact && row.presence ? { exact: row.exact, presence: row.presence } : null;
}

export async function searchIds(options: SearchOptions): Promise<SearchPage | null> {
  const compiled = await compileQuery(options.query);
  if (!compiled) return null;
  const now = options.now ?? new Date();
  const needsCheck = compiled.exact !== compiled.presence;
  const wanted = options.offset + options.limit;
  const needed = options.order === "relevance" ? Math.max(RANK_WINDOW, wanted) : wanted;
  const fetch = needsCheck ? Math.ceil(needed * 1.25) + 20 : needed;

  return db().$transaction(
    async (tx) => {
      // With a quarter of the table matching, the planner takes a sequential scan for
      // cheap; it is not (every row's vector would be unpacked). The GIN index it is.
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const depth = Math.max(options.depth, needed);
      for (let i = 0; i <= STEPS.length; i++) {
        const slice = timeSlice(STEPS[i], options.range, now);
        const last = i === STEPS.length || slice.coversRange;
        if (!last && slice.months && slice.months[0] > slice.months[1]) continue; // the range ends before these months
        const candidates = await findCandidates(tx, options, compiled.presence, slice.months, fetch);
        const total = candidates[0]?.total ?? 0;
        if (!last && total < depth) continue; // too few this recently: look further back
        const ordered = await checkAndRank(tx, options, compiled.exact, candidates.map((c) => c.id), needsCheck);
        if (!last && ordered.length < wanted) continue; // phrases dropped too many
        const all = last && candidates.length >= total; // every candidate there is was checked
        const count = last ? (all ? ordered.length : total) : total > COUNT_CAP ? total : await countCapped(tx, options, compiled.presence);
        return {
          ids: ordered.slice(options.offset, wanted),
          total: Math.min(count, COUNT_CAP),
          exactTotal: all || !needsCheck,
          capped: count > COUNT_CAP,
        };
      }
      throw new Error("unreachable: the last month step covers all time");
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/**
 * The span one step searches, as [since, until] ISO timestamps for gazette_search_months,
 * within the caller's own date range; null: no time limit at all.
 */
function timeSlice(step: ((now: Date) => { since: Date; until: Date }) | undefined, range: SearchOptions["range"], now: Date) {
  const from = range?.from ?? null;
  const to = range?.to ?? null;
  const span = step?.(now);
  const coversRange = !span || (from !== null && span.since <= from);
  const since = coversRange ? from : span.since;
  const until = to && (!span || to < span.until) ? to : (span?.until ?? null);
  const months: [string, string] | null = since || until ? [iso(since ?? new Date(0)), iso(until ?? endOfYear(now))] : null;
  return { months, coversRange };
}

function endOfYear(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), 11, 31, 23, 59, 59));
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 19); // UTC, as the timestamp columns store it
}

function match(vector: Prisma.Sql, presence: string, months: [string, string] | null): Prisma.Sql {
  return months
    ? Prisma.sql`${vector} @@ (${presence}::tsquery && gazette_search_months(${months[0]}::timestamp, ${months[1]}::timestamp))`
    : Prisma.sql`${vector} @@ ${presence}::tsquery`;
}

async function findCandidates(tx: Prisma.TransactionClient, options: SearchOptions, presence: string, months: [string, string] | null, limit: number) {
  const { vector, head, newest } = COLUMNS[options.vector];
  const where = Prisma.join([match(vector, presence, months), ...options.filters], " AND ");
  const headFirst =
    options.order === "relevance"
      ? Prisma.sql`(s."articleId" IN (SELECT h."articleId" FROM "ArticleSearch" h WHERE ${match(head, presence, months)})) DESC,`
      : Prisma.empty;
  return tx.$queryRaw<{ id: number; total: number }[]>`
    SELECT s."articleId" AS id, count(*) OVER ()::int AS total
    FROM "ArticleSearch" s
    WHERE ${where}
    ORDER BY ${headFirst} ${newest}
    LIMIT ${limit}`;
}

async function countCapped(tx: Prisma.TransactionClient, options: SearchOptions, presence: string): Promise<number> {
  const where = Prisma.join([match(COLUMNS[options.vector].vector, presence, null), ...options.filters], " AND ");
  const rows = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "ArticleSearch" s WHERE ${where} LIMIT ${COUNT_CAP + 1}) AS capped`;
  return rows[0]?.n ?? 0;
}

/**
 * Candidates in their final order: the first RANK_WINDOW by exact rank (a stable sort,
 * so equal ranks keep the head-first, newest-first order), the rest as they came; with
 * phrase queries, those that do not hold the phrase are dropped.
 */
async function checkAndRank(tx: Prisma.TransactionClient, options: SearchOptions, exact: string, ids: number[], needsCheck: boolean) {
  const ranked = options.order === "relevance" ? ids.slice(0, RANK_WINDOW) : [];
  const checked = needsCheck ? ids.slice(ranked.length) : [];
  if (ranked.length === 0 && checked.length === 0) return ids;
  const { vector } = COLUMNS[options.vector];
  const rows = await tx.$queryRaw<{ id: number; ok: boolean; rank: number }[]>`
    SELECT s."articleId" AS id, ${vector} @@ ${exact}::tsquery AS ok,
      CASE WHEN s."articleId" = ANY(${ranked}::int[]) THEN gazette_search_rank(${vector}, ${exact}::tsquery) ELSE 0 END AS rank
    FROM "ArticleSearch" s
    WHERE s."articleId" = ANY(${[...ranked, ...checked]}::int[])`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const keep = (id: number) => !needsCheck || byId.get(id)?.ok === true;
  const top = ranked.filter(keep).sort((a, b) => (byId.get(b)?.rank ?? 0) - (byId.get(a)?.rank ?? 0));
  return [...top, ...ids.slice(ranked.length).filter(keep)];
}
