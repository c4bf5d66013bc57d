import { getColumnContext } from "@/lib/columns/queries";
import { buildFeed } from "@/lib/export/feeds";
import { RSS_HEADERS } from "@/lib/export/rss";

// Cached per column on first request; refreshed on demand (lib/articles/paths.ts).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

/** RSS 2.0 feed of one column (with its child columns). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const column = await getColumnContext((await params).slug);
  if (!column) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(await buildFeed(column), { headers: RSS_HEADERS });
}
