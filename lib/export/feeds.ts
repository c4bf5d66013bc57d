import { listFeedArticles } from "@/lib/articles/public-lists";
import type { ColumnContext } from "@/lib/columns/queries";
import { siteUrl } from "@/lib/env";
import { t } from "@/lib/i18n/zh-CN";
import { getSiteSettings, type SiteSettings } from "@/lib/settings/queries";
import { renderRss } from "./rss";

/**
 * The site's feed (/feed.xml) or a column's (/columns/<slug>/feed.xml), as XML. The
 * renderer passes the settings it already has (its cached frame); otherwise they are read.
 */
export async function buildFeed(column: ColumnContext | null, known?: Pick<SiteSettings, "siteName">): Promise<string> {
  const base = siteUrl();
  const settings = known ?? (await getSiteSettings());
  const rows = await listFeedArticles(column ? column.listedColumnIds : null);
  const path = column ? `/columns/${column.column.slug}` : "";
  return renderRss({
    title: column ? `${column.column.name} - ${settings.siteName}` : settings.siteName,
    link: `${base}${path || "/"}`,
    self: `${base}${path}/feed.xml`,
    description: column?.column.description || (column ? t.site.columnDescription.replace("{column}", column.column.name) : t.site.feedDescription.replace("{site}", settings.siteName)),
    baseUrl: base,
    items: rows.map((r) => ({
      id: r.id,
      title: r.liveRevision?.title ?? "",
      titleTags: r.liveRevision?.titleTags ?? [],
      summary: r.liveRevision?.summary ?? "",
      bodyText: r.liveRevision?.bodyText ?? "",
      author: r.liveRevision?.author ?? "",
      columnName: r.column.name,
      publishedAt: r.publishedAt!,
    })),
  });
}
