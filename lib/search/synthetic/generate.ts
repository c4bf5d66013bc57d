import pg from "pg";
import { writeArticles, type BulkTimings } from "@/lib/bulk/articles";
import { poolConfigFromUrl } from "@/lib/db/connection";
import { assertMatchesPrepareBody } from "./body";
import { toBulkArticle } from "./bulk";
import { composeArticle, type SyntheticArticle } from "./compose";
import { insertBatch } from "./insert";

export interface GenerateOptions {
  databaseUrl: string;
  articles: number;
  seed: number;
  /** Connections writing at once: one per core keeps the database's side busy while this process composes. */
  workers: number;
  batchSize: number;
  /** Who the articles are attributed to (the system account). */
  userId: number;
  /** "copy": the bulk writer (lib/bulk); "insert": the older INSERT path, kept to compare against. */
  path: "copy" | "insert";
  /** false: leave the articles out of the search index (only to time the load without it; copy path only). */
  searchIndex: boolean;
  log: (message: string) => void;
  /** Articles written so far, after each batch commits. */
  onProgress?: (done: number) => void;
}

export interface GenerateResult {
  created: number;
  /** Writing the articles. */
  seconds: number;
  /** VACUUM ANALYZE afterwards. */
  vacuumSeconds: number;
  /** Where the copy path's time went, summed over the connections (ms). */
  timings: BulkTimings;
}

/**
 * Adds `articles` synthetic articles to the database behind `databaseUrl`, in batches of
 * one transaction each, spread over a few connections. Article numbers continue after
 * the existing ones, so a second run — or a run after a crash, which loses at most the
 * batches under way — adds new articles instead of repeating the first run's.
 */
export async function generateArticles(options: GenerateOptions): Promise<GenerateResult> {
  const pool = new pg.Pool({ ...poolConfigFromUrl(options.databaseUrl), max: options.workers });
  const started = performance.now();
  const timings: BulkTimings = {};
  try {
    const { columns, offset } = await context(pool);
    const now = new Date();
    assertMatchesPrepareBody(composeArticle(options.seed, offset, columns, now).live.blocks);

    const batches = Math.ceil(options.articles / options.batchSize);
    let next = 0;
    let done = 0;
    const worker = async () => {
      const client = await pool.connect();
      try {
        for (let batch = next++; batch < batches; batch = next++) {
          const from = batch * options.batchSize;
          const count = Math.min(options.batchSize, options.articles - from);
          const articles: SyntheticArticle[] = [];
          for (let i = 0; i < count; i++) {
            articles.push(composeArticle(options.seed, offset + from + i, columns, now, { at: from + i, of: options.articles }));
          }
          if (options.path === "insert") await insertBatch(client, articles, options.userId);
          else await writeArticles(client, articles.map(toBulkArticle), { userId: options.userId, searchIndex: options.searchIndex, timings });
          done += count;
          options.onProgress?.(done);
        }
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.workers, batches) }, worker));
    const seconds = (performance.now() - started) / 1000;

    options.log("updating planner statistics and the visibility map (VACUUM ANALYZE)");
    const vacuumStarted = performance.now();
    await pool.query('VACUUM ANALYZE "Article", "ArticleRevision", "ArticleSearch"');
    return { created: options.articles, seconds, vacuumSeconds: (performance.now() - vacuumStarted) / 1000, timings };
  } finally {
    await pool.end();
  }
}

async function context(pool: pg.Pool) {
  const columns = (await pool.query<{ id: number; slug: string }>('SELECT id, slug FROM "Column" WHERE NOT hidden ORDER BY id')).rows;
  if (columns.length === 0) throw new Error("No columns: the database has no site structure to put articles in.");
  const count = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM "Article"');
  return { columns, offset: count.rows[0].n };
}
