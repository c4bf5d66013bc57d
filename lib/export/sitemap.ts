import { highestPublishedId, listPublishedForSitemap } from "@/lib/articles/queries";
import { listVisibleColumns } from "@/lib/columns/queries";
import { CATALOGUE_PATH } from "@/lib/documents/catalogue-params";
import { siteUrl } from "@/lib/env";
import { escapeXml } from "./escape";

/**
 * sitemaps.org files. One sitemap holds at most 50,000 addresses (Baidu and Google
 * both enforce it): while the ids of public articles stay within SINGLE_FILE_LIMIT, /sitemap.xml lists
 * everything (see partCount); beyond, /sitemap.xml becomes an index of /sitemaps/<n>.xml parts.
 * Part n holds the published articles whose id is in ((n-1)·IDS_PER_PART, n·IDS_PER_PART]
 * (part 1 also carries the home page and the columns), read by the primary key: the last
 * part of a million articles costs what the first does, where a part cut by position
 * read and dropped every article before it (OFFSET). An article stays in its part for
 * good, so a publish changes one part's addresses, not every part after it.
 */
export const IDS_PER_PART = 5_000;
const SINGLE_FILE_LIMIT = 45_000;

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

function url(base: string, path: string, lastmod?: Date) {
  return `<url><loc>${escapeXml(base + path)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}</url>`;
}

/**
 * How many parts the sitemap has: 1 (one file) while no public article's id passes
 * SINGLE_FILE_LIMIT — then it cannot hold more addresses than that — without counting
 * a million rows to find out.
 */
export async function partCount(idsPerPart = IDS_PER_PART): Promise<number> {
  const highest = await highestPublishedId();
  return highest <= SINGLE_FILE_LIMIT ? 1 : Math.ceil(highest / idsPerPart);
}

/** /sitemap.xml: the whole sitemap, or the index of its parts. */
export async function renderSitemapRoot(): Promise<string> {
  const parts = await partCount();
  if (parts === 1) return (await renderPart(1, null))!;
  const base = siteUrl();
  const entries = Array.from({ length: parts }, (_, i) => `<sitemap><loc>${escapeXml(`${base}/sitemaps/${i + 1}.xml`)}</loc></sitemap>`);
  return `${HEAD}<sitemapindex ${NS}>\n${entries.join("\n")}\n</sitemapindex>\n`;
}

/**
 * One part (1-based), newest first; null past the last part. `idsPerPart` null: every
 * article in one file. A part inside the range may be empty (its articles withdrawn).
 */
export async function renderPart(part: number, idsPerPart: number | null = IDS_PER_PART): Promise<string | null> {
  const base = siteUrl();
  if (idsPerPart !== null && part > 1 && part > Math.ceil((await highestPublishedId()) / idsPerPart)) return null;
  const articles = await listPublishedForSitemap(idsPerPart === null ? undefined : { fromId: (part - 1) * idsPerPart + 1, toId: part * idsPerPart });
  const fixed = part === 1 ? [url(base, "/", articles[0]?.publishedAt), url(base, "/sitemap"), url(base, CATALOGUE_PATH), ...(await listVisibleColumns()).map((c) => url(base, `/columns/${encodeURIComponent(c.slug)}`))] : [];
  const urls = [...fixed, ...articles.map((a) => url(base, `/articles/${a.id}`, a.modifiedAt))];
  return `${HEAD}<urlset ${NS}>\n${urls.join("\n")}\n</urlset>\n`;
}

export const XML_HEADERS = { "content-type": "application/xml; charset=utf-8" };
