import { searchIds, type SearchOptions, type SearchPage } from "./sql";

/**
 * Where a search runs: the one seam between Gazette and its search engine. Both searches
 * (the citizens' /search and the editors' article list) ask it for one page of article
 * ids, best first, and load what they show from the database themselves, under their
 * own read rules — so an engine only ever decides which articles match and in what order.
 *
 * PostgreSQL is the engine, with no setup: the search rows and their index live in the
 * site's own database, kept by its triggers (migration *_search_text_index; measured in
 * docs/search.md). A site that outgrows it — a provincial platform with many millions
 * of articles — would plug OpenSearch in here (with its smartcn or IK analyzer for
 * Chinese): an implementation of this interface that sends the same SearchOptions as a
 * query, fed from an outbox the same triggers fill. docs/search.md says what that takes.
 */
export interface SearchEngine {
  /** One page of matches; null when the query has nothing searchable in it. */
  page(options: SearchOptions): Promise<SearchPage | null>;
}

export const postgresSearch: SearchEngine = { page: searchIds };

export function searchEngine(): SearchEngine {
  return postgresSearch;
}
