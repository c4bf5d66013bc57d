import { listPublishedForSitemap } from "@/lib/articles/queries";
import { siteUrl } from "@/lib/env";

export const revalidate = 300;

function escapeXml(value: string) {
  return value.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
}

export async function GET() {
  const base = siteUrl();
  const articles = await listPublishedForSitemap();
  const urls = [
    `<url><loc>${escapeXml(base)}/</loc></url>`,
    ...articles.map(
      (a) => `<url><loc>${escapeXml(`${base}/articles/${a.id}`)}</loc><lastmod>${a.updatedAt.toISOString()}</lastmod></url>`,
    ),
  ];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
