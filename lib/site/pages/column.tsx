import { ColumnListing } from "@/components/site/column-listing";
import { getColumnPage } from "@/lib/articles/column-page";
import { FRAME_TAGS, TAGS } from "@/lib/cache/tags";
import { t } from "@/lib/i18n/zh-CN";
import type { HtmlPage } from "../page";
import { notFoundPage } from "./status";

export type ColumnPageData = NonNullable<Awaited<ReturnType<typeof getColumnPage>>>;

/** A column and one page of its listing, or null when either does not exist. */
export function loadColumnPage(slug: string, page: number): Promise<ColumnPageData | null> {
  return getColumnPage(slug, page);
}

export function ColumnPage({ context, listing }: ColumnPageData) {
  return <ColumnListing context={context} listing={listing} />;
}

/** A column's listing lists its descendants' articles: a change in any of them refreshes it. */
const columnTags = (data: ColumnPageData) => [...FRAME_TAGS, ...data.context.listedColumnIds.map(TAGS.column)];

/** /columns/<slug>: page 1 of the column's listing. */
export async function columnPage(slug: string): Promise<HtmlPage> {
  const data = await loadColumnPage(slug, 1);
  if (!data) return notFoundPage();
  const { column } = data.context;
  const path = `/columns/${column.slug}`;
  return {
    status: 200,
    head: {
      title: column.name,
      description: column.description || t.site.columnDescription.replace("{column}", column.name),
      canonical: path,
      openGraph: { url: path, title: column.name },
      feeds: [{ href: `${path}/feed.xml`, title: column.name }],
    },
    content: <ColumnPage {...data} />,
    tags: columnTags(data),
  };
}

/** /columns/<slug>/page/<n>: later pages, as paths (not ?page=) so that they are cached like page 1. */
export async function columnPageN(slug: string, page: number): Promise<HtmlPage | { redirect: string }> {
  // Page 1 lives at the column's own URL.
  if (page === 1) return { redirect: `/columns/${encodeURIComponent(slug)}` };
  const data = await loadColumnPage(slug, page);
  if (!data) return notFoundPage();
  const { column } = data.context;
  const { listing } = data;
  const pageOf = t.site.pageOf.replace("{page}", String(listing.page)).replace("{count}", String(listing.pageCount));
  return {
    status: 200,
    head: { title: `${column.name}（${pageOf}）`, canonical: `/columns/${column.slug}/page/${listing.page}` },
    content: <ColumnPage {...data} />,
    tags: columnTags(data),
  };
}
