import { db, Prisma } from "@/lib/db/client";
import { publicArticleSql } from "@/lib/articles/public-rule";

/**
 * 网址跳转: the old addresses of imported pages (lib/import/site writes them), each
 * answering 301 to its article. Read by the app server (./lookup.ts), the nginx file
 * (./nginx.ts) and the admin page (/admin/redirects).
 */
export const REDIRECT_PAGE_SIZE = 50;

export function articlePath(articleId: number): string {
  return `/articles/${articleId}`;
}

/** Every redirect as path → article id (the app server keeps this map in its page cache). */
export async function loadRedirectMap(): Promise<Map<string, number>> {
  const rows = await db().redirect.findMany({ select: { path: true, articleId: true } });
  return new Map(rows.map((r) => [r.path, r.articleId]));
}

export interface RedirectRow {
  path: string;
  oldUrl: string;
  articleId: number;
  title: string;
  /** Does the target article answer readers now (live, 公开日期 passed)? */
  live: boolean;
  createdAt: Date;
}

function searchWhere(q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.sql`TRUE`;
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return Prisma.sql`(r."oldUrl" ILIKE ${like} OR r.path ILIKE ${like} OR a.title ILIKE ${like} OR r."articleId"::text = ${q})`;
}

/** A page of redirects, newest first, with each target's title and whether it is public. */
export async function listRedirects(filter: { q?: string; page: number; onlyBroken?: boolean }): Promise<{ rows: RedirectRow[]; total: number }> {
  const where = Prisma.sql`${searchWhere(filter.q)} AND ${filter.onlyBroken ? Prisma.sql`NOT (${publicArticleSql()})` : Prisma.sql`TRUE`}`;
  const [rows, count] = await Promise.all([
    db().$queryRaw<RedirectRow[]>`
      SELECT r.path, r."oldUrl", r."articleId", a.title, (${publicArticleSql()}) AS live, r."createdAt"
      FROM "Redirect" r JOIN "Article" a ON a.id = r."articleId"
      WHERE ${where}
      ORDER BY r."createdAt" DESC, r.path
      LIMIT ${REDIRECT_PAGE_SIZE} OFFSET ${(filter.page - 1) * REDIRECT_PAGE_SIZE}`,
    db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Redirect" r JOIN "Article" a ON a.id = r."articleId" WHERE ${where}`,
  ]);
  return { rows, total: Number(count[0]?.n ?? 0) };
}

/** The check: how many redirects lead to an article readers cannot see now (draft, withdrawn, future date). */
export async function countBrokenRedirects(): Promise<{ total: number; broken: number }> {
  const [row] = await db().$queryRaw<{ total: bigint; broken: bigint }[]>`
    SELECT count(*) AS total, count(*) FILTER (WHERE NOT (${publicArticleSql()})) AS broken
    FROM "Redirect" r JOIN "Article" a ON a.id = r."articleId"`;
  return { total: Number(row?.total ?? 0), broken: Number(row?.broken ?? 0) };
}

/** Every redirect, in batches, for the CSV export and the nginx file (never all rows in memory at once). */
export async function* eachRedirect(batch = 2000): AsyncGenerator<RedirectRow> {
  let after = "";
  for (;;) {
    const rows = await db().$queryRaw<RedirectRow[]>`
      SELECT r.path, r."oldUrl", r."articleId", a.title, (${publicArticleSql()}) AS live, r."createdAt"
      FROM "Redirect" r JOIN "Article" a ON a.id = r."articleId"
      WHERE r.path > ${after} ORDER BY r.path LIMIT ${batch}`;
    yield* rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1].path;
  }
}
