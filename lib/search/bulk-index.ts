import type pg from "pg";

/**
 * The search index for bulk writes. Inside a bulk transaction, `deferSearchIndexing`
 * turns the per-row search triggers off for that transaction only; `indexArticles`
 * then indexes everything the transaction wrote in one call, before it commits — so a
 * committed article is always searchable, as with the triggers.
 */
export async function deferSearchIndexing(client: pg.ClientBase): Promise<void> {
  await client.query("SET LOCAL gazette.search_deferred = 'on'");
}

export async function indexArticles(client: pg.ClientBase, articleIds: readonly number[]): Promise<void> {
  if (articleIds.length === 0) return;
  await client.query("SELECT gazette_search_index($1::int[])", [[...articleIds]]);
}
