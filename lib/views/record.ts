import { publicArticleText } from "@/lib/articles/public-rule-text";
import { pool } from "@/lib/db/pool";
import { formatDate } from "@/lib/format/date";

/**
 * The view counter, on the process's one node-postgres pool (lib/db/pool.ts). Counting is
 * the busiest write a site has (one per page view) and the least precious: its
 * statements commit without waiting for the disk (synchronous_commit off, set for each
 * of them only), so increments are not queued behind one fsync each — a crash could
 * forget the last fraction of a second of views, never an editor's work, whose
 * transactions keep the default. Plain node-postgres: a view is one statement, and the
 * ORM's per-query cost would be most of it. The same statement keeps views per article
 * per day of the site's time zone ("ArticleDailyView"), which 统计分析 and the 年度报表 read.
 */

/**
 * The public rule (lib/articles/public-rule.ts) as plain text: the app server bundles this
 * module, and must not load the Prisma client and Next.js's cache that one comes with.
 * `$1` is now, in UTC — compared as such, as the stored timestamps are, whatever the
 * database's time zone (now() would not be).
 */
const PUBLIC = publicArticleText("$1");

interface Waiter {
  resolve(count: number | null): void;
  reject(error: unknown): void;
}

/** Views of an article that arrived while its previous update was on its way. */
const waiting = new Map<number, Waiter[]>();
const updating = new Set<number>();

/**
 * Counts one view of a public article and returns its new count, or null when the
 * id is not a public article (unknown, draft, scheduled, withdrawn).
 *
 * A popular article's views all want the same row, and one UPDATE per view would make
 * them queue on its lock one by one. So the views that arrive while an article's
 * update is on its way go together in its next one (`+ n`), and each caller still gets
 * its own count. Nothing is held back: an article with no update on its way is
 * updated at once, and every caller is answered only once its increment is committed.
 * updatedAt is deliberately left alone: a view is not an edit.
 */
export function recordView(articleId: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const waiters = waiting.get(articleId);
    if (waiters) waiters.push({ resolve, reject });
    else waiting.set(articleId, [{ resolve, reject }]);
    if (!updating.has(articleId)) void update(articleId);
  });
}

async function update(articleId: number): Promise<void> {
  const waiters = waiting.get(articleId);
  if (!waiters) return;
  waiting.delete(articleId);
  updating.add(articleId);
  const now = new Date();
  try {
    // One statement, one round trip: the CTE turns asynchronous commit on for this
    // statement's own transaction only (set_config(…, true) is SET LOCAL), and joining
    // it makes PostgreSQL run it before the update. The same statement adds the batch to
    // the article's row for today (阅读统计): both counts commit together or not at all,
    // and the per-day row costs no extra round trip.
    const { rows } = await pool().query<{ viewCount: number }>(
      `WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true)),
       counted AS (
         UPDATE "Article" SET "viewCount" = "viewCount" + $3
         FROM async_commit
         WHERE id = $2 AND ${PUBLIC}
         RETURNING id, "viewCount"),
       daily AS (
         INSERT INTO "ArticleDailyView" ("articleId", day, views)
         SELECT id, $4::date, $3 FROM counted
         ON CONFLICT ("articleId", day) DO UPDATE SET views = "ArticleDailyView".views + EXCLUDED.views)
       SELECT "viewCount" FROM counted`,
      [now.toISOString(), articleId, waiters.length, formatDate(now)],
    );
    const total = rows[0]?.viewCount;
    waiters.forEach((waiter, i) => waiter.resolve(total === undefined ? null : total - waiters.length + i + 1));
  } catch (error) {
    for (const waiter of waiters) waiter.reject(error);
  } finally {
    updating.delete(articleId);
    if (waiting.has(articleId)) void update(articleId);
  }
}

export async function currentViewCount(articleId: number): Promise<number | null> {
  const { rows } = await pool().query<{ viewCount: number }>(
    `SELECT "viewCount" FROM "Article" WHERE id = $2 AND ${PUBLIC}`,
    [new Date().toISOString(), articleId],
  );
  return rows[0]?.viewCount ?? null;
}
