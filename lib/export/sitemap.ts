import { countPublished, listPublishedForSitemap } from "@/lib/articles/queries";
import { listVisibleColumns } from "@/lib/columns/queries";
import { CATALOGUE_PATH } from "@/lib/documents/catalogue-params";
import { siteUrl } from "@/lib/env";
import { escapeXml } from "./escape";

/**
 * sitemaps.org files. One sitemap holds at most 50,000 addresses (Baidu and Google
 * both enforce it): up to that, /sitemap.xml lists everything; beyond it, /sitemap.xml
 * becomes an index of /sitemaps/<n>.xml parts of ARTICLES_PER_PART articles each
 * (part 1 also carries the home page and the columns).
 */
export const ARTICLES_PER_PART = 40_000;
const SINGLE_FILE_LIMIT = 45_000;

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

function url(base: string, path: string, lastmod?: Date) {
  return `<url><loc>${escapeXml(base + path)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}</url>`;
}

export async function partCount(): Promise<number> {
  const total = await countPublished();
  return total <= SINGLE_FILE_LIMIT ? 1 : Math.ceil(total / ARTICLES_PER_PART);
}

/** /sitemap.xml: the whole sitemap, or the index of its parts. */
export async function renderSitemapRoot(): Promise<string> {
  const parts = await partCount();
  if (parts === 1) return (await renderPart(1, null))!;
  const base = siteUrl();
  const entries = Array.from({ length: parts }, (_, i) => `<sitemap><loc>${escapeXml(`${base}/sitemaps/${i + 1}.xml`)}</loc></sitemap>`);
  return `${HEAD}<sitemapindex ${NS}>\n${entries.join("\n")}\n</sitemapindex>\n`;
}

/** One part (1-based); null when it does not exist. `pageSize` null: every article in one file. */
export async function renderPart(part: number, pageSize: number | null = ARTICLES_PER_PART): Promise<string | null> {
  const base = siteUrl();
  const articles = await listPublishedForSitemap(pageSize ? { page: part, pageSize } : undefined);
  if (part > 1 && articles.length === 0) return null;
  const fixed = part === 1 ? [url(base, "/", articles[0]?.publishedAt), url(base, "/sitemap"), url(base, CATALOGUE_PATH), ...(await listVisibleColumns()).map((c) => url(base, `/columns/${encodeURIComponent(c.slug)}`))] : [];
  const urls = [...fixed, ...articles.map((a) => url(base, `/articles/${a.id}`, a.modifiedAt))];
  return `${HEAD}<urlset ${NS}>\n${urls.join("\n")}\n</urlset>\n`;
}

export const XML_HEADERS = { "content-type": "application/xml; charset=utf-8" };
