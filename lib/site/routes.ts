/**
 * The public site's addresses, in one place. The app server (scripts/server.ts) answers
 * these itself — from its page cache or by rendering (lib/site/render.ts) — and hands
 * every other request to Next.js (the admin, the API, previews, media). The static
 * snapshot (lib/static/snapshot.ts) names its files from the same table, and the
 * refresh patterns a change may name ("/columns/[slug]/page/[page]|page") are these
 * routes' patterns. Nothing else lists public paths.
 */
export type PublicRouteName =
  | "home"
  | "article"
  | "articleDownload"
  | "column"
  | "columnPage"
  | "columnFeed"
  | "siteMap"
  | "sitemapXml"
  | "sitemapPart"
  | "feed"
  | "search"
  | "catalogue"
  | "catalogueFeed"
  | "siteAsset";

export interface PublicRoute {
  name: PublicRouteName;
  /** The route as changes name it (lib/cache/tags.ts): "/columns/[slug]/page/[page]". */
  pattern: string;
  /** Canonical spellings only: /articles/007 is not /articles/7 and is left to the 404. */
  regex: RegExp;
  /** Kept in the page cache (and the snapshot) once rendered: the same for every reader. */
  cached: boolean;
  /** Held by the render gate when it must be rendered (a download embeds every picture). */
  gated: boolean;
}

const ID = "([1-9]\\d{0,8})";
const SLUG = "([a-z0-9-]{1,100})";
const PAGE = "([1-9]\\d{0,5})";

const route = (name: PublicRouteName, pattern: string, regex: string, options: { cached?: boolean; gated?: boolean } = {}): PublicRoute => ({
  name,
  pattern,
  regex: new RegExp(`^${regex}$`),
  cached: options.cached ?? true,
  gated: options.gated ?? true,
});

export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  route("home", "/", "/"),
  route("article", "/articles/[id]", `/articles/${ID}`),
  // 保存 as HTML or Word: files cached on disk per live content (lib/export/download-cache.ts), not in memory.
  route("articleDownload", "/articles/[id]/download", `/articles/${ID}/download`, { cached: false }),
  route("column", "/columns/[slug]", `/columns/${SLUG}`),
  route("columnPage", "/columns/[slug]/page/[page]", `/columns/${SLUG}/page/${PAGE}`),
  route("columnFeed", "/columns/[slug]/feed.xml", `/columns/${SLUG}/feed\\.xml`),
  route("siteMap", "/sitemap", "/sitemap"),
  route("sitemapXml", "/sitemap.xml", "/sitemap\\.xml"),
  route("sitemapPart", "/sitemaps/[part]", `/sitemaps/([1-9]\\d{0,3})\\.xml`),
  route("feed", "/feed.xml", "/feed\\.xml"),
  // Depends on the query: not in the snapshot; kept by its canonical query in the search cache (lib/server/public-site.ts).
  route("search", "/search", "/search", { cached: false }),
  // 政府信息公开目录: kept under its canonical query (lib/server/public-site.ts, catalogueCacheKey).
  route("catalogue", "/zfxxgk", "/zfxxgk"),
  route("catalogueFeed", "/zfxxgk/feed.xml", "/zfxxgk/feed\\.xml"),
  // The site's own script, style sheet and icon (built into public/ by npm run build): files, never rendered.
  route("siteAsset", "/[asset]", "/(site\\.js|site\\.css|icon\\.svg)", { cached: false, gated: false }),
];

/** Paths Next.js answers: everything else that is not a public route is the site's 404 page. */
export const NEXT_PATH_PREFIXES = ["/_next/", "/__nextjs", "/admin", "/api/", "/media/", "/preview/"] as const;

export interface RouteMatch {
  route: PublicRoute;
  /** The pattern's parameters, in order ([id], [slug, page], …). */
  params: string[];
}

/** The public route for a path (no query), or null. */
export function matchPublicRoute(pathname: string): RouteMatch | null {
  for (const route of PUBLIC_ROUTES) {
    const match = route.regex.exec(pathname);
    if (match) return { route, params: match.slice(1) };
  }
  return null;
}

/** Does Next.js answer this path (the admin, the API, its own assets, media, previews)? */
export function isNextPath(pathname: string): boolean {
  return NEXT_PATH_PREFIXES.some((prefix) => pathname === prefix.replace(/\/$/, "") || pathname.startsWith(prefix));
}

/**
 * Where the static snapshot keeps a cached page: "/" → index.html, "/articles/1" →
 * articles/1/index.html, "/feed.xml" → feed.xml. Null for what it does not keep.
 */
export function snapshotFileOf(pathname: string): string | null {
  const match = matchPublicRoute(pathname);
  if (!match?.route.cached) return null;
  if (pathname.endsWith(".xml")) return pathname.slice(1);
  return pathname === "/" ? "index.html" : `${pathname.slice(1)}/index.html`;
}

/** The routes behind a refresh pattern ("/columns/[slug]/page/[page]|page"); "/|layout" is every page. */
export function routesOfPattern(refresh: string): PublicRoute[] {
  const [pattern, type] = refresh.split("|");
  if (pattern === "/" && type === "layout") return PUBLIC_ROUTES.filter((r) => r.cached);
  return PUBLIC_ROUTES.filter((r) => r.cached && r.pattern === pattern);
}
