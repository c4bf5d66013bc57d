import "server-only";
import { publicArticleSql } from "@/lib/articles/public-rule";
import { db } from "@/lib/db/client";

/**
 * The public articles whose page shows this one: the documents it amends or replaces
 * ("见《……》" names it). When it is published, edited or withdrawn their pages change
 * too, so lib/articles/paths.ts refreshes them by address (the page cache also drops
 * them by this article's cache tag, which they carry).
 */
export async function articlesShowing(id: number): Promise<number[]> {
  const rows = await db().$queryRaw<{ id: number }[]>`
    SELECT a.id FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
    WHERE r."replacedById" = ${id} AND ${publicArticleSql()}`;
  return rows.map((r) => r.id);
}
