import "server-only";
import type { ArticleStatus } from "@/lib/db/client";
import { Prisma } from "@/lib/db/client";
import { matchedIds, type Matched } from "./sql";

/**
 * The editors' search, for the admin article list: the same engine as the public one,
 * on the admin index — the working copy (title, tags, subtitle, summary, document
 * number, body) of every article in every status, drafts and withdrawn included.
 *
 * Contract: returns the matching article ids, best first (relevance, then most
 * recently updated) — at most `limit` of them (default 1,000, at most 5,000), starting
 * at `offset` — and how many match in all; or null when `query` has nothing searchable
 * in it (empty, only punctuation or emoji): show the unfiltered list then. The caller
 * narrows its own Prisma query with `{ id: { in: ids } }` (keeping this order when it
 * sorts by relevance) and applies its access rules there or through `columnIds` /
 * `statuses` (an empty array matches nothing).
 */
export interface AdminSearchOptions {
  statuses?: readonly ArticleStatus[];
  columnIds?: readonly number[];
  /** "updated": most recently changed first instead of by relevance. */
  order?: "relevance" | "updated";
  limit?: number;
  offset?: number;
}

export const ADMIN_SEARCH_DEFAULT_LIMIT = 1000;
export const ADMIN_SEARCH_MAX_LIMIT = 5000;

export async function adminSearchArticles(query: string, options: AdminSearchOptions = {}): Promise<Matched | null> {
  const filters: Prisma.Sql[] = [];
  if (options.statuses) {
    filters.push(options.statuses.length > 0 ? Prisma.sql`a.status::text IN (${Prisma.join(options.statuses)})` : Prisma.sql`false`);
  }
  if (options.columnIds) {
    filters.push(options.columnIds.length > 0 ? Prisma.sql`a."columnId" IN (${Prisma.join(options.columnIds)})` : Prisma.sql`false`);
  }
  return matchedIds({
    query,
    vector: "admin",
    filters,
    order: options.order === "updated" ? "date" : "relevance",
    newest: Prisma.sql`a."updatedAt" DESC`,
    limit: Math.min(Math.max(1, Math.floor(options.limit ?? ADMIN_SEARCH_DEFAULT_LIMIT)), ADMIN_SEARCH_MAX_LIMIT),
    offset: Math.max(0, Math.floor(options.offset ?? 0)),
  });
}

/** Only the ids, best first (see adminSearchArticles); null when nothing is searchable. */
export async function adminSearchArticleIds(query: string, options: AdminSearchOptions = {}): Promise<number[] | null> {
  return (await adminSearchArticles(query, options))?.ids ?? null;
}
