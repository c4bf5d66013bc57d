import "server-only";
import { fill } from "@/lib/i18n/fill";
import { statisticsText as L } from "@/lib/i18n/statistics";
import type { StatisticsFilter } from "./filters";
import { bucketLabel, BUCKETS } from "./period";
import { articleInScope, publishedPerColumnMonth, topArticles, viewsOverTime, type ViewsTarget } from "./queries";
import type { StatisticsScope } from "./scope";
import type { DataTable } from "./table";

/**
 * The statistics page's numbers as tables, for the page and for its downloads alike:
 * the site's views; the chosen column's and article's, when chosen; the top articles;
 * articles published per column per month.
 */
export interface StatisticsTables {
  tables: DataTable[];
  /** The chosen column or article was not found, or is outside the actor's columns. */
  problems: string[];
}

async function viewsTable(key: string, title: string, target: ViewsTarget, filter: StatisticsFilter, scope: StatisticsScope): Promise<DataTable> {
  const series = await viewsOverTime(target, filter, scope);
  const bucket = BUCKETS.find((b) => b.value === filter.bucket)!.label;
  return {
    key,
    title,
    description: fill(L.viewsDescription, { from: filter.from, to: filter.to, bucket }),
    columns: [L.period, L.views],
    rows: series.map((s) => [bucketLabel(s.bucket, filter.bucket), s.views]),
    chart: "line",
  };
}

export async function statisticsTables(filter: StatisticsFilter, scope: StatisticsScope, columnName: (id: number) => string | null): Promise<StatisticsTables> {
  const problems: string[] = [];
  const tables: DataTable[] = [await viewsTable("site", scope.columnIds === null ? L.siteViews : L.myColumnsViews, { kind: "site" }, filter, scope)];
  const name = filter.columnId ? columnName(filter.columnId) : null;
  if (filter.columnId && !name) problems.push(L.columnOutOfScope);
  if (filter.columnId && name) tables.push(await viewsTable("column", fill(L.columnViews, { name }), { kind: "column", columnId: filter.columnId }, filter, scope));
  if (filter.articleId) {
    const article = await articleInScope(filter.articleId, scope);
    if (!article) problems.push(fill(L.articleOutOfScope, { id: filter.articleId }));
    else tables.push(await viewsTable("article", fill(L.articleViews, { title: article.title }), { kind: "article", articleId: article.id }, filter, scope));
  }
  const top = await topArticles(filter, scope, name ? filter.columnId : null);
  tables.push({
    key: "top",
    title: name ? fill(L.topInColumn, { name }) : L.top,
    description: fill(L.topDescription, { from: filter.from, to: filter.to }),
    columns: [L.rank, L.article, L.column, L.views],
    rows: top.map((a, i) => [i + 1, a.title, a.columnName, a.views]),
    links: top.map((a) => `/admin/articles/${a.id}`),
    chart: "bar",
  });
  const published = await publishedPerColumnMonth(filter, scope);
  tables.push({
    key: "published",
    title: L.published,
    description: fill(L.publishedDescription, { from: filter.from.slice(0, 7), to: filter.to.slice(0, 7) }),
    columns: [L.column, ...published.months, L.total],
    rows: published.columns.map((c) => [c.name, ...c.counts, c.counts.reduce((sum, n) => sum + n, 0)]),
    chart: "stacked",
  });
  return { tables, problems };
}
