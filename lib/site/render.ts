/**
 * The public site's one renderer: a route of lib/site/routes.ts and the request's query
 * in, a finished answer (status, headers, body, cache tags) out. Plain functions — data
 * → HTML with react-dom/server from synchronous components — called by the app server
 * (scripts/server.ts), which caches what it may and adds the security headers. Nothing
 * here comes from Next.js (lib/site/render-imports.test.ts keeps it so).
 */
import { renderDocument } from "./document";
import type { HtmlPage, RenderContext, RenderedPage } from "./page";
import { articlePage } from "./pages/article";
import { catalogueFeed, cataloguePage } from "./pages/catalogue";
import { columnPage, columnPageN } from "./pages/column";
import { articleDownload } from "./pages/download";
import { columnFeed, siteFeed, sitemapPart, sitemapXml } from "./pages/feeds";
import { homePage } from "./pages/home";
import { searchPage } from "./pages/search";
import { siteMapPage } from "./pages/site-map";
import { notFoundPage } from "./pages/status";
import type { RouteMatch } from "./routes";

export type { RenderContext, RenderedPage, SiteFrame } from "./page";
export { loadSiteFrame } from "./frame";

const HTML_HEADERS = { "content-type": "text/html; charset=utf-8" } as const;

/** An HTML page inside the site's document. */
async function html(page: HtmlPage, ctx: RenderContext): Promise<RenderedPage> {
  const frame = await ctx.frame();
  return { status: page.status, headers: { ...HTML_HEADERS }, body: renderDocument(frame, page.head, page.content), tags: page.tags };
}

/** The site's 404 page (status 404, never cached) for any unknown address. */
export function renderNotFound(ctx: RenderContext): Promise<RenderedPage> {
  return html(notFoundPage(), ctx);
}

/** A public route's answer; "siteAsset" is not rendered (the server serves the files itself). */
export async function renderPublicRoute(match: RouteMatch, ctx: RenderContext): Promise<RenderedPage> {
  const [first, second] = match.params;
  const name = match.route.name;
  switch (name) {
    case "home":
      return html(await homePage(ctx), ctx);
    case "article":
      return html(await articlePage(Number(first), ctx), ctx);
    case "articleDownload":
      return articleDownload(Number(first), ctx);
    case "column":
      return html(await columnPage(first), ctx);
    case "columnPage": {
      const page = await columnPageN(first, Number(second));
      if ("redirect" in page) return { status: 308, headers: { location: page.redirect, "content-type": "text/plain; charset=utf-8" }, body: "", tags: [] };
      return html(page, ctx);
    }
    case "columnFeed":
      return columnFeed(first, ctx);
    case "siteMap":
      return html(await siteMapPage(ctx), ctx);
    case "sitemapXml":
      return sitemapXml();
    case "sitemapPart":
      return sitemapPart(Number(first));
    case "feed":
      return siteFeed(ctx);
    case "search":
      return html(await searchPage(ctx), ctx);
    case "catalogue":
      return html(await cataloguePage(ctx), ctx);
    case "catalogueFeed":
      return catalogueFeed(ctx);
    case "siteAsset":
      throw new Error(`renderPublicRoute: ${match.route.pattern} is a file, served by the server itself`);
    default: {
      const unknown: never = name;
      throw new Error(`renderPublicRoute: no renderer for route ${String(unknown)}`);
    }
  }
}
