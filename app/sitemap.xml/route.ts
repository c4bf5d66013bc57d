import { renderSitemapRoot, XML_HEADERS } from "@/lib/export/sitemap";

// Cached; refreshed on demand when an article is published, edited or withdrawn (lib/articles/paths.ts).
export const revalidate = 300;

/** Home, the site map page, every visible column and every published article (or, past 45,000, the index of the parts). */
export async function GET() {
  return new Response(await renderSitemapRoot(), { headers: XML_HEADERS });
}
