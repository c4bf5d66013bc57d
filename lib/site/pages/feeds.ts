import { FRAME_TAGS, TAGS } from "@/lib/cache/tags";
import { getColumnContext } from "@/lib/columns/queries";
import { buildFeed } from "@/lib/export/feeds";
import { RSS_HEADERS } from "@/lib/export/rss";
import { renderPart, renderSitemapRoot, XML_HEADERS } from "@/lib/export/sitemap";
import type { RenderContext, RenderedPage } from "../page";

/** What the feeds and sitemaps answer for an address they do not have, as always: plain text. */
export function textNotFound(): RenderedPage {
  return { status: 404, headers: { "content-type": "text/plain; charset=utf-8" }, body: "Not found", tags: [] };
}

/** /feed.xml: RSS 2.0 feed of the whole site. */
export async function siteFeed(ctx: RenderContext): Promise<RenderedPage> {
  const { settings } = await ctx.frame();
  return { status: 200, headers: { ...RSS_HEADERS }, body: await buildFeed(null, settings), tags: [...FRAME_TAGS, TAGS.articles] };
}

/** /columns/<slug>/feed.xml: RSS 2.0 feed of one column (with its child columns). */
export async function columnFeed(slug: string, ctx: RenderContext): Promise<RenderedPage> {
  const column = await getColumnContext(slug);
  if (!column) return textNotFound();
  const { settings } = await ctx.frame();
  return {
    status: 200,
    headers: { ...RSS_HEADERS },
    body: await buildFeed(column, settings),
    tags: [...FRAME_TAGS, ...column.listedColumnIds.map(TAGS.column)],
  };
}

/** /sitemap.xml: home, the site map page, every visible column and every published article (or, past the limit, the index of the parts). */
export async function sitemapXml(): Promise<RenderedPage> {
  return { status: 200, headers: { ...XML_HEADERS }, body: await renderSitemapRoot(), tags: [TAGS.columns, TAGS.articles] };
}

/** /sitemaps/<n>.xml: the parts of a large sitemap. */
export async function sitemapPart(part: number): Promise<RenderedPage> {
  const xml = await renderPart(part);
  if (!xml) return textNotFound();
  return { status: 200, headers: { ...XML_HEADERS }, body: xml, tags: [TAGS.columns, TAGS.articles] };
}
