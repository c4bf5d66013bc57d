import pg from "pg";
import { poolConfigFromUrl } from "@/lib/db/connection";
import { indexArticles } from "@/lib/search/bulk-index";

/**
 * Indexes every article for search again, in batches of one transaction each over a
 * few connections: after a load written with the search index left out (the
 * generator's --no-search-index), or to time the index on its own.
 */
export async function reindexArticles(options: { databaseUrl: string; workers: number; batchSize: number; onTotal?: (total: number) => void; onProgress?: (done: number) => void }): Promise<{ articles: number; seconds: number }> {
  const pool = new pg.Pool({ ...poolConfigFromUrl(options.databaseUrl), max: options.workers });
  const started = performance.now();
  try {
    const ids = (await pool.query<{ id: number }>('SELECT id FROM "Article" ORDER BY id')).rows.map((r) => r.id);
    options.onTotal?.(ids.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
      const client = await pool.connect();
      try {
        for (let from = next, to; from < ids.length; from = next) {
          to = next = Math.min(ids.length, from + options.batchSize);
          await client.query("BEGIN");
          try {
            await client.query("SET LOCAL synchronous_commit = off");
            await indexArticles(client, ids.slice(from, to));
            await client.query("COMMIT");
          } catch (error) {
            await client.query("ROLLBACK").catch(() => {});
            throw error;
          }
          done += to - from;
          options.onProgress?.(done);
        }
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: options.workers }, worker));
    return { articles: ids.length, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pool.end();
  }
}
