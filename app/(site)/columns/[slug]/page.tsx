import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/site/not-found-notice";
import { ColumnListing } from "@/components/site/column-listing";
import { getColumnPage } from "@/lib/articles/column-page";
import { getColumnContext } from "@/lib/columns/queries";
import { t } from "@/lib/i18n/zh-CN";

// Cached per column; refreshed on demand when one of its articles changes (lib/articles/paths.ts).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const context = await getColumnContext((await params).slug);
  if (!context) return { title: t.common.notFound, robots: { index: false } };
  const path = `/columns/${context.column.slug}`;
  return {
    title: context.column.name,
    description: context.column.description || t.site.columnDescription.replace("{column}", context.column.name),
    alternates: { canonical: path, types: { "application/rss+xml": `${path}/feed.xml` } },
    openGraph: { url: path, title: context.column.name },
  };
}

export default async function ColumnPage({ params }: Props) {
  const data = await getColumnPage((await params).slug, 1);
  if (!data) return <NotFoundNotice />;
  return <ColumnListing context={data.context} listing={data.listing} />;
}
