import pg from "pg";
import { poolConfigFromUrl } from "@/lib/db/connection";

/**
 * The view counter's own small connection pool. Counting is the busiest write a site
 * has (one per page view) and the least precious: its connections commit without
 * waiting for the disk (synchronous_commit=off), so increments are not queued behind
 * one fsync each — a crash could forget the last fraction of a second of views, never
 * an editor's work, whose connections keep the default. Plain node-postgres: a view
 * is one statement, and the ORM's per-query cost would be most of it.
 */
let current: { url: string; pool: pg.Pool } | undefined;

function pool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  // A new database (the tests give each file its own) gets a new pool.
  if (current?.url !== url) {
    void current?.pool.end().catch(() => {});
    current = { url, pool: new pg.Pool({ ...poolConfigFromUrl(url), max: 4, options: "-c synchronous_commit=off" }) };
    // An idle connection the database drops (a restart) is not the process's problem.
    current.pool.on("error", () => {});
  }
  return current.pool;
}

/**
 * Counts one view of a public article and returns its new count, or null when the
 * id is not a public article (unknown, draft, scheduled, withdrawn).
 *
 * One statement, so that concurrent views never lose an increment and a view costs a
 * single round trip. updatedAt is deliberately left alone: a view is not an edit.
 */
/** publicArticleWhere() in SQL (record.test.ts checks that both agree). */
const PUBLIC = `live = true AND "publishedAt" <= now() AND "liveRevisionId" IS NOT NULL`;

export async function recordView(articleId: number): Promise<number | null> {
  const { rows } = await pool().query<{ viewCount: number }>(
    `UPDATE "Article" SET "viewCount" = "viewCount" + 1
     WHERE id = $1 AND ${PUBLIC}
     RETURNING "viewCount"`,
    [articleId],
  );
  return rows[0]?.viewCount ?? null;
}

export async function currentViewCount(articleId: number): Promise<number | null> {
  const { rows } = await pool().query<{ viewCount: number }>(
    `SELECT "viewCount" FROM "Article" WHERE id = $1 AND ${PUBLIC}`,
    [articleId],
  );
  return rows[0]?.viewCount ?? null;
}
