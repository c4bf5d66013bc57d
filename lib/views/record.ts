import { db } from "@/lib/db/client";

/**
 * Counts one view of a public article and returns its new count, or null when the
 * id is not a public article (unknown, draft, scheduled, withdrawn).
 *
 * One statement, so that concurrent views never lose an increment and a view costs a
 * single round trip. The WHERE clause is publicArticleWhere() (lib/articles/queries.ts)
 * in SQL — Prisma's update cannot return the new value in one statement — and
 * record.test.ts checks that both agree. updatedAt is deliberately left alone: a view
 * is not an edit.
 */
export async function recordView(articleId: number): Promise<number | null> {
  const rows = await db().$queryRaw<{ viewCount: number }[]>`
    UPDATE "Article" SET "viewCount" = "viewCount" + 1
    WHERE id = ${articleId} AND live = true AND "publishedAt" <= now() AND "liveRevisionId" IS NOT NULL
    RETURNING "viewCount"`;
  return rows[0]?.viewCount ?? null;
}

/** The current count of a public article, without counting (for prefetches and bots). */
export async function currentViewCount(articleId: number): Promise<number | null> {
  const rows = await db().$queryRaw<{ viewCount: number }[]>`
    SELECT "viewCount" FROM "Article"
    WHERE id = ${articleId} AND live = true AND "publishedAt" <= now() AND "liveRevisionId" IS NOT NULL`;
  return rows[0]?.viewCount ?? null;
}
