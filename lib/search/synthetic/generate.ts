import pg from "pg";
import { poolConfigFromUrl } from "@/lib/db/connection";
import { assertMatchesPrepareBody } from "./body";
import { composeArticle, type SyntheticArticle } from "./compose";
import { insertBatch } from "./insert";

export interface GenerateOptions {
  databaseUrl: string;
  articles: number;
  seed: number;
  /** Concurrent connections: the triggers' tokenising is CPU-bound, one per core. */
  workers: number;
  batchSize: number;
  /** Who the articles are attributed to (the system account). */
  userId: number;
  log: (message: string) => void;
}

export interface GenerateResult {
  created: number;
  seconds: number;
}

/**
 * Adds `articles` synthetic articles to the database behind `databaseUrl`, in batches
 * spread over a few connections. Article numbers continue after the existing ones, so
 * a second run adds new articles instead of repeating the first run's.
 */
export async function generateArticles(options: GenerateOptions): Promise<GenerateResult> {
  const pool = new pg.Pool({ ...poolConfigFromUrl(options.databaseUrl), max: options.workers });
  const started = performance.now();
  try {
    const { columns, offset } = await context(pool);
    const now = new Date();
    assertMatchesPrepareBody(composeArticle(options.seed, offset, columns, now).live.blocks);

    const batches = Math.ceil(options.articles / options.batchSize);
    let next = 0;
    let done = 0;
    let reported = 0;
    const worker = async () => {
      const client = await pool.connect();
      try {
        for (let batch = next++; batch < batches; batch = next++) {
          const from = batch * options.batchSize;
          const count = Math.min(options.batchSize, options.articles - from);
          const articles: SyntheticArticle[] = [];
          for (let i = 0; i < count; i++) articles.push(composeArticle(options.seed, offset + from + i, columns, now));
          await insertBatch(client, articles, options.userId);
          done += count;
          if (done - reported >= Math.max(options.articles / 20, options.batchSize) || done === options.articles) {
            reported = done;
            const seconds = (performance.now() - started) / 1000;
            options.log(`${done.toLocaleString("en")} / ${options.articles.toLocaleString("en")} articles (${Math.round(done / seconds)}/s)`);
          }
        }
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.workers, batches) }, worker));

    options.log("updating planner statistics and flushing the search index's pending entries (VACUUM ANALYZE)");
    await pool.query('VACUUM ANALYZE "Article", "ArticleRevision", "ArticleSearch"');
    return { created: options.articles, seconds: (performance.now() - started) / 1000 };
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
