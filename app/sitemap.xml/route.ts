import { listPublishedForSitemap } from "@/lib/articles/queries";
import { listVisibleColumns } from "@/lib/columns/queries";
import { siteUrl } from "@/lib/env";
import { escapeXml } from "@/lib/export/escape";

// Cached; refreshed on demand when an article is published, edited or withdrawn (lib/articles/paths.ts).
export const revalidate = 300;

/** sitemaps.org sitemap: home, the site map page, every visible column and every published article. */
export async function GET() {
  const base = siteUrl();
  const [articles, columns] = await Promise.all([listPublishedForSitemap(), listVisibleColumns()]);
  const url = (path: string, lastmod?: Date) =>
    `<url><loc>${escapeXml(base + path)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}</url>`;
  const urls = [
    url("/", articles[0]?.publishedAt),
    url("/sitemap"),
    ...columns.map((c) => url(`/columns/${encodeURIComponent(c.slug)}`)),
    ...articles.map((a) => url(`/articles/${a.id}`, a.modifiedAt)),
  ];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
