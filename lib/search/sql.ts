import "server-only";
import { db, Prisma } from "@/lib/db/client";

/**
 * The one search query, over either index. The user's text goes to PostgreSQL only as
 * a bind parameter: gazette_search_query() tokenises it with the same function the
 * triggers index with and builds the tsquery from lexemes — no string is ever spliced
 * into SQL, whatever quotes, operators or backslashes the text holds.
 */
export type SearchVector = "public" | "admin";

const VECTOR_COLUMN: Record<SearchVector, Prisma.Sql> = {
  public: Prisma.raw('s."publicVector"'),
  admin: Prisma.raw('s."adminVector"'),
};

export interface MatchOptions {
  query: string;
  vector: SearchVector;
  /** Conditions on the article, alias `a`, ANDed. */
  filters: Prisma.Sql[];
  /** relevance: rank, then `newest`; date: `newest` only. */
  order: "relevance" | "date";
  /** What "newest" means: the public sorts by publication, the admin by last change. */
  newest?: Prisma.Sql;
  limit: number;
  offset: number;
}

export interface Matched {
  ids: number[];
  total: number;
}

/** The query as PostgreSQL will match it, or null when nothing in it is searchable. */
export async function compileQuery(query: string): Promise<string | null> {
  // PostgreSQL text cannot hold NUL; nothing else needs removing.
  const text = query.replace(/\u0000/g, "");
  if (!text.trim()) return null;
  const rows = await db().$queryRaw<{ q: string | null }[]>`SELECT gazette_search_query(${text})::text AS q`;
  return rows[0]?.q ?? null;
}

export async function matchedIds(options: MatchOptions): Promise<Matched | null> {
  const tsquery = await compileQuery(options.query);
  if (tsquery === null) return null;
  const vector = VECTOR_COLUMN[options.vector];
  const newest = options.newest ?? Prisma.sql`a."publishedAt" DESC NULLS LAST`;
  const where = Prisma.join([Prisma.sql`${vector} @@ ${tsquery}::tsquery`, ...options.filters], " AND ");
  const order =
    options.order === "date"
      ? Prisma.sql`${newest}, a.id DESC`
      : Prisma.sql`gazette_search_rank(${vector}, ${tsquery}::tsquery) DESC, ${newest}, a.id DESC`;
  const rows = await db().$queryRaw<{ id: number; total: number }[]>`
    SELECT a.id, count(*) OVER ()::int AS total
    FROM "ArticleSearch" s JOIN "Article" a ON a.id = s."articleId"
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${options.limit} OFFSET ${options.offset}`;
  if (rows.length > 0 || options.offset === 0) return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
  // Past the last page: still say how many there are.
  const count = await db().$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM "ArticleSearch" s JOIN "Article" a ON a.id = s."articleId" WHERE ${where}`;
  return { ids: [], total: count[0]?.total ?? 0 };
}
