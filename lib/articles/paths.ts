import { refreshPaths } from "@/lib/cache/refresh";

/** Cache tag names, in one place. */
export const TAGS = {
  articles: "articles",
  article: (id: number) => `article:${id}`,
  columns: "columns",
  settings: "settings",
} as const;

export interface ArticleLocation {
  id: number;
  columnSlug: string;
  /** Ancestors' slugs: their listings show the article too. */
  ancestorSlugs?: string[];
}

/** Every public URL an article appears on. */
export function articlePaths(a: ArticleLocation): string[] {
  const columnPaths = [a.columnSlug, ...(a.ancestorSlugs ?? [])].flatMap((slug) => [`/columns/${slug}`, `/columns/${slug}/feed.xml`]);
  // Later listing pages and sitemap parts shift when an article comes or goes: refresh the routes.
  const routes = ["/columns/[slug]/page/[page]|page", "/sitemaps/[part]|page"];
  return [`/articles/${a.id}`, "/", "/sitemap.xml", "/feed.xml", "/search", ...columnPaths, ...routes];
}

/**
 * Refreshes every page the article was on and is on now: after a move the old
 * column's listing must drop it as the new one gains it.
 */
export function refreshArticle(before: ArticleLocation | null, after: ArticleLocation | null): void {
  const paths = [...(before ? articlePaths(before) : []), ...(after ? articlePaths(after) : [])];
  const id = after?.id ?? before?.id;
  refreshPaths(paths, id ? [TAGS.articles, TAGS.article(id)] : [TAGS.articles]);
}
