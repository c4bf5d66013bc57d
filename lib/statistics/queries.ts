import "server-only";
import { listColumnOptions } from "@/lib/columns/admin-queries";
import { getColumnWithDescendantIds } from "@/lib/columns/queries";
import { db, Prisma } from "@/lib/db/client";
import { monthsBetween, nextMonth, startOfSiteDay, sumIntoBuckets, type Bucket } from "./period";
import { scopeIncludes, type StatisticsScope } from "./scope";
import { publishedBetweenSql, scopeSql } from "./sql";

/** Whose views a chart shows: the whole site (in scope), a column with the columns below it, or one article. */
export type ViewsTarget = { kind: "site" } | { kind: "column"; columnId: number } | { kind: "article"; articleId: number };

async function targetSql(target: ViewsTarget, scope: StatisticsScope): Promise<Prisma.Sql> {
  if (target.kind === "site") return Prisma.empty;
  if (target.kind === "article") return Prisma.sql`AND a.id = ${target.articleId}`;
  const ids = (await getColumnWithDescendantIds(target.columnId)).filter((id) => scopeIncludes(scope, id));
  return ids.length ? Prisma.sql`AND a."columnId" IN (${Prisma.join(ids)})` : Prisma.sql`AND false`;
}

/** Views per bucket from `from` to `to` (days of the site's time zone, both included). */
export async function viewsOverTime(target: ViewsTarget, range: { from: string; to: string; bucket: Bucket }, scope: StatisticsScope) {
  const rows = await db().$queryRaw<{ day: string; views: number }[]>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, SUM(d.views)::int AS views
    FROM "ArticleDailyView" d JOIN "Article" a ON a.id = d."articleId"
    WHERE d.day BETWEEN ${range.from}::date AND ${range.to}::date ${scopeSql(scope)} ${await targetSql(target, scope)}
    GROUP BY d.day`;
  return sumIntoBuckets(rows, range.from, range.to, range.bucket);
}

export interface TopArticle {
  id: number;
  title: string;
  columnName: string;
  views: number;
}

/** The most read articles of the range (in the chosen column, if any). */
export async function topArticles(range: { from: string; to: string }, scope: StatisticsScope, columnId: number | null, limit = 10): Promise<TopArticle[]> {
  const inColumn = columnId ? await targetSql({ kind: "column", columnId }, scope) : Prisma.empty;
  return db().$queryRaw<TopArticle[]>`
    SELECT a.id, a.title, c.name AS "columnName", SUM(d.views)::int AS views
    FROM "ArticleDailyView" d JOIN "Article" a ON a.id = d."articleId" JOIN "Column" c ON c.id = a."columnId"
    WHERE d.day BETWEEN ${range.from}::date AND ${range.to}::date ${scopeSql(scope)} ${inColumn}
    GROUP BY a.id, c.name
    ORDER BY views DESC, a.id
    LIMIT ${limit}`;
}

export interface PublishedPerColumn {
  months: string[];
  columns: { id: number; name: string; counts: number[] }[];
}

/** Articles published per column per month ("YYYY-MM" in the site's time zone) over the months of the range. */
export async function publishedPerColumnMonth(range: { from: string; to: string }, scope: StatisticsScope, now: Date = new Date()): Promise<PublishedPerColumn> {
  const months = monthsBetween(range.from, range.to);
  const start = startOfSiteDay(`${months[0]}-01`);
  const end = startOfSiteDay(`${nextMonth(months.at(-1)!)}-01`);
  const zone = process.env.DISPLAY_TIME_ZONE || "Asia/Shanghai";
  const rows = await db().$queryRaw<{ id: number; name: string; month: string; count: number }[]>`
    SELECT c.id, c.name, to_char((a."publishedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${zone}, 'YYYY-MM') AS month, COUNT(*)::int AS count
    FROM "Article" a JOIN "Column" c ON c.id = a."columnId"
    WHERE ${publishedBetweenSql(start, end, now)} ${scopeSql(scope)}
    GROUP BY c.id, c.name, month
    ORDER BY c.position, c.id`;
  const columns = new Map<number, { id: number; name: string; counts: number[] }>();
  for (const row of rows) {
    const column = columns.get(row.id) ?? { id: row.id, name: row.name, counts: months.map(() => 0) };
    columns.set(row.id, column);
    const i = months.indexOf(row.month);
    if (i >= 0) column.counts[i] += row.count;
  }
  return { months, columns: [...columns.values()] };
}

/** The article a chart is about, if the actor may see it. */
export async function articleInScope(articleId: number, scope: StatisticsScope) {
  const article = await db().article.findUnique({ where: { id: articleId }, select: { id: true, title: true, columnId: true } });
  return article && scopeIncludes(scope, article.columnId) ? article : null;
}

/** The columns the actor may pick, as indented options in tree order. */
export async function columnsInScope(scope: StatisticsScope) {
  return (await listColumnOptions()).filter((c) => scopeIncludes(scope, c.id));
}
