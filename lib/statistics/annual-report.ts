import "server-only";
import type { ReportCategory } from "@/generated/prisma/enums";
import { db, Prisma } from "@/lib/db/client";
import { ANNUAL_FIGURES, type FigureDef } from "./annual-figures";
import { siteYear } from "./period";
import { publishedBetweenSql, WITHDRAWN_SQL } from "./sql";

/**
 * The 年度报表's figures for a year of the site's time zone, from what was published.
 * Every figure is computed by the same SQL its click-through list (reportItems) uses.
 */
export interface FigureValue {
  def: FigureDef;
  value: number;
  /** Of the articles counted, those withdrawn since (articles figures only). */
  withdrawn: number;
}

export interface AnnualReport {
  year: number;
  figures: FigureValue[];
  /** 解读回应 broken down by interpretation column. */
  interpretationColumns: { id: number; name: string; count: number; withdrawn: number }[];
}

interface ColumnCount {
  id: number;
  name: string;
  category: ReportCategory | null;
  count: number;
  withdrawn: number;
}

export async function annualReport(year: number, now: Date = new Date()): Promise<AnnualReport> {
  const { start, end } = siteYear(year);
  const perColumn = await db().$queryRaw<ColumnCount[]>`
    SELECT c.id, c.name, c."reportCategory"::text AS category, COUNT(*)::int AS count, (COUNT(*) FILTER (WHERE ${WITHDRAWN_SQL}))::int AS withdrawn
    FROM "Article" a JOIN "Column" c ON c.id = a."columnId"
    WHERE ${publishedBetweenSql(start, end, now)}
    GROUP BY c.id
    ORDER BY c.position, c.id`;
  const [maintained, opened] = await Promise.all([countTopicColumns("topicsMaintained", year), countTopicColumns("topicsOpened", year)]);
  const [{ views }] = await db().$queryRaw<{ views: number }[]>`
    SELECT COALESCE(SUM(views), 0)::int AS views FROM "ArticleDailyView" WHERE day BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date`;
  const published = publishedBetweenSql(start, end, now);
  const figures = await Promise.all(
    ANNUAL_FIGURES.map(async (def): Promise<FigureValue> => {
      if (def.kind === "views") return { def, value: views, withdrawn: 0 };
      if (def.kind === "columns") return { def, value: def.key === "topicsOpened" ? opened : maintained, withdrawn: 0 };
      const [row] = await db().$queryRaw<{ count: number; withdrawn: number }[]>`
        SELECT COUNT(*)::int AS count, (COUNT(*) FILTER (WHERE ${WITHDRAWN_SQL}))::int AS withdrawn
        FROM ${FIGURE_ARTICLES} WHERE ${published} ${figureArticlesSql(def)}`;
      return { def, value: row.count, withdrawn: row.withdrawn };
    }),
  );
  const interpretationColumns = perColumn.filter((c) => c.category === "INTERPRETATION").map(({ id, name, count, withdrawn }) => ({ id, name, count, withdrawn }));
  return { year, figures, interpretationColumns };
}

/** What a figure's articles are read from: the article, its column and its live revision (whose interpretation kind the public saw). */
const FIGURE_ARTICLES = Prisma.sql`"Article" a JOIN "Column" c ON c.id = a."columnId" LEFT JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"`;

/** The articles a figure counts, beyond "published in the year": the count and its click-through list both use it. */
function figureArticlesSql(figure: FigureDef): Prisma.Sql {
  const categories = figure.categories ? Prisma.sql`AND c."reportCategory"::text IN (${Prisma.join(figure.categories as string[])})` : Prisma.empty;
  if (!figure.interpretation) return categories;
  const kind = Prisma.sql`COALESCE(r."interpretationKind", a."interpretationKind")`;
  return figure.interpretation === "any"
    ? Prisma.sql`${categories} AND (c."reportCategory" = 'INTERPRETATION' OR ${kind} IS NOT NULL)`
    : Prisma.sql`${categories} AND ${kind}::text IN (${Prisma.join(figure.interpretation as string[])})`;
}

/** The special-topic columns a column figure counts. */
function topicColumnsSql(key: "topicsMaintained" | "topicsOpened", year: number): Prisma.Sql {
  const { start, end } = siteYear(year);
  const opened = Prisma.sql`c."createdAt" < ${end.toISOString()}::timestamp`;
  return key === "topicsOpened"
    ? Prisma.sql`c."reportCategory" = 'TOPIC' AND ${opened} AND c."createdAt" >= ${start.toISOString()}::timestamp`
    : Prisma.sql`c."reportCategory" = 'TOPIC' AND ${opened} AND NOT c.hidden`;
}

async function countTopicColumns(key: "topicsMaintained" | "topicsOpened", year: number): Promise<number> {
  const [{ count }] = await db().$queryRaw<{ count: number }[]>`SELECT COUNT(*)::int AS count FROM "Column" c WHERE ${topicColumnsSql(key, year)}`;
  return count;
}

export const ITEMS_PAGE_SIZE = 100;

export type ReportItems =
  | { kind: "articles"; total: number; rows: { id: number; title: string; columnName: string; publishedAt: Date; live: boolean }[] }
  | { kind: "columns"; total: number; rows: { id: number; name: string; createdAt: Date; articles: number }[] };

/** What a figure counts, a page at a time: the articles (optionally of one column) or the columns. */
export async function reportItems(figure: FigureDef, year: number, page: number, options: { columnId?: number | null; now?: Date } = {}): Promise<ReportItems> {
  const { start, end } = siteYear(year);
  const published = publishedBetweenSql(start, end, options.now ?? new Date());
  const offset = (page - 1) * ITEMS_PAGE_SIZE;
  if (figure.kind === "columns") {
    const where = topicColumnsSql(figure.key as "topicsMaintained" | "topicsOpened", year);
    const [{ total }] = await db().$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS total FROM "Column" c WHERE ${where}`;
    const rows = await db().$queryRaw<{ id: number; name: string; createdAt: Date; articles: number }[]>`
      SELECT c.id, c.name, c."createdAt", (SELECT COUNT(*)::int FROM "Article" a WHERE a."columnId" = c.id AND ${published}) AS articles
      FROM "Column" c WHERE ${where} ORDER BY c."createdAt", c.id LIMIT ${ITEMS_PAGE_SIZE} OFFSET ${offset}`;
    return { kind: "columns", total, rows };
  }
  const inColumn = options.columnId ? Prisma.sql`AND a."columnId" = ${options.columnId}` : Prisma.empty;
  const where = Prisma.sql`${published} ${figureArticlesSql(figure)} ${inColumn}`;
  const [{ total }] = await db().$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS total FROM ${FIGURE_ARTICLES} WHERE ${where}`;
  const rows = await db().$queryRaw<{ id: number; title: string; columnName: string; publishedAt: Date; live: boolean }[]>`
    SELECT a.id, a.title, c.name AS "columnName", a."publishedAt", a.live
    FROM ${FIGURE_ARTICLES} WHERE ${where}
    ORDER BY a."publishedAt", a.id LIMIT ${ITEMS_PAGE_SIZE} OFFSET ${offset}`;
  return { kind: "articles", total, rows };
}

/** The years a report can be made for: from the first 公开日期 to this year. */
export async function reportYears(currentYear: number): Promise<number[]> {
  const [{ first }] = await db().$queryRaw<{ first: number | null }[]>`SELECT MIN(EXTRACT(YEAR FROM "publishedAt"))::int AS first FROM "Article" WHERE "publishedAt" IS NOT NULL`;
  const years: number[] = [];
  for (let year = currentYear; year >= Math.min(first ?? currentYear, currentYear); year--) years.push(year);
  return years;
}

/** The draft's default column: the first 概况类 column among those the user may write in. */
export async function overviewColumnAmong(columnIds: readonly number[]): Promise<number | null> {
  const overview = await db().column.findMany({ where: { reportCategory: "OVERVIEW", id: { in: [...columnIds] } }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
  return overview[0]?.id ?? null;
}
