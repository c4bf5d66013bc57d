import "server-only";
import type { ArticleStatus } from "@/lib/db/client";
import { searchEngine } from "./engine";
import type { SearchPage } from "./sql";

/**
 * The editors' search, for the admin article list: the same engine as the public one,
 * on the admin index — the working copy (title, tags, subtitle, summary, document
 * number, body) of every article in every status, drafts and withdrawn included.
 *
 * Contract: returns the matching article ids, best first — the best RANK_WINDOW (50)
 * ranked exactly by relevance, then head matches (title, summary…) before body
 * matches, newest first — at most `limit` of them (default 1,000, at most 5,000) from
 * `offset`, and how many match in all (`exactTotal` false: an upper estimate, for
 * phrase queries with many candidates); or null when `query` has nothing searchable in
 * it (empty, only punctuation or emoji): show the unfiltered list then. The caller
 * narrows its own Prisma query with `{ id: { in: ids } }` (keeping this order when it
 * sorts by relevance) and applies its access rules there or through `columnIds` /
 * `statuses` (an empty array matches nothing). Phrase queries unpack each returned
 * candidate's vector to check the phrase: ask for the ids one page needs, not thousands.
 */
export interface AdminSearchOptions {
  statuses?: readonly ArticleStatus[];
  columnIds?: readonly number[];
  /** "newest": most recently created first instead of by relevance. */
  order?: "relevance" | "newest";
  limit?: number;
  offset?: number;
  /** How deep any page of this search may go (default: offset + limit); pages asked with one depth never overlap. */
  depth?: number;
}

export const ADMIN_SEARCH_DEFAULT_LIMIT = 1000;
export const ADMIN_SEARCH_MAX_LIMIT = 5000;

export async function adminSearchArticles(query: string, options: AdminSearchOptions = {}): Promise<SearchPage | null> {
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? ADMIN_SEARCH_DEFAULT_LIMIT)), ADMIN_SEARCH_MAX_LIMIT);
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  return searchEngine().page({
    query,
    vector: "admin",
    order: options.order === "newest" ? "date" : "relevance",
    limit,
    offset,
    depth: Math.max(options.depth ?? 0, offset + limit),
    columnIds: options.columnIds,
    statuses: options.statuses,
  });
}

/** Only the ids, best first (see adminSearchArticles); null when nothing is searchable. */
export async function adminSearchArticleIds(query: string, options: AdminSearchOptions = {}): Promise<number[] | null> {
  return (await adminSearchArticles(query, options))?.ids ?? null;
}
