import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/site/not-found-notice";
import { permanentRedirect } from "next/navigation";
import { ColumnListing } from "@/components/site/column-listing";
import { getColumnPage } from "@/lib/articles/column-page";
import { t } from "@/lib/i18n/zh-CN";

// Later pages of a column listing, as paths (not ?page=) so that they are cached like page 1.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

async function load(params: Props["params"]) {
  const { slug, page } = await params;
  if (!/^[1-9]\d{0,5}$/.test(page)) return null;
  const number = Number(page);
  // Page 1 lives at the column's own URL.
  if (number === 1) permanentRedirect(`/columns/${encodeURIComponent(slug)}`);
  return getColumnPage(slug, number);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load(params);
  if (!data) return { title: t.common.notFound, robots: { index: false } };
  const { column } = data.context;
  const path = `/columns/${column.slug}/page/${data.listing.page}`;
  return {
    title: `${column.name}（${t.site.pageOf.replace("{page}", String(data.listing.page)).replace("{count}", String(data.listing.pageCount))}）`,
    alternates: { canonical: path },
  };
}

export default async function ColumnPageN({ params }: Props) {
  const data = await load(params);
  if (!data) return <NotFoundNotice />;
  return <ColumnListing context={data.context} listing={data.listing} />;
}
