import { refreshPaths } from "@/lib/cache/refresh";
import { TAGS } from "@/lib/cache/tags";
import { CATALOGUE_FEED_PATH, CATALOGUE_PATH } from "@/lib/documents/catalogue-params";
import { articlesShowing } from "@/lib/documents/links";

export { TAGS } from "@/lib/cache/tags";

export interface ArticleLocation {
  id: number;
  columnId: number;
  /** The title tags the article is listed under in other articles' 相关信息. */
  titleTags?: string[];
  columnSlug: string;
  /** Ancestors' slugs: their listings show the article too. */
  ancestorSlugs?: string[];
  /** The documents its live revision interprets: their pages list it under 相关解读. */
  documentIds?: number[];
}

/** Every public URL an article appears on. */
export function articlePaths(a: ArticleLocation): string[] {
  const columnPaths = [a.columnSlug, ...(a.ancestorSlugs ?? [])].flatMap((slug) => [`/columns/${slug}`, `/columns/${slug}/feed.xml`]);
  // Later listing pages and sitemap parts shift when an article comes or goes: refresh the routes.
  const routes = ["/columns/[slug]/page/[page]|page", "/sitemaps/[part]|page"];
  return [`/articles/${a.id}`, "/", "/sitemap.xml", "/feed.xml", "/search", CATALOGUE_PATH, CATALOGUE_FEED_PATH, ...columnPaths, ...routes];
}

/** The column part of an article query that locationOf() needs. */
export const locationInclude = {
  column: { select: { slug: true, parent: { select: { slug: true, parent: { select: { slug: true } } } } } },
  liveRevision: { select: { titleTags: true, interprets: { select: { documentId: true } } } },
} as const;

export function locationOf(a: {
  id: number;
  columnId: number;
  column: { slug: string; parent: { slug: string; parent: { slug: string } | null } | null };
  liveRevision: { titleTags: string[]; interprets?: { documentId: number }[] } | null;
}): ArticleLocation {
  const parent = a.column.parent;
  return {
    id: a.id,
    columnId: a.columnId,
    // The public version's: an edit's new tags count once it is published.
    titleTags: a.liveRevision?.titleTags ?? [],
    columnSlug: a.column.slug,
    ancestorSlugs: [parent?.slug, parent?.parent?.slug].filter((s): s is string => !!s),
    documentIds: a.liveRevision?.interprets?.map((i) => i.documentId) ?? [],
  };
}

/**
 * Refreshes every page the article was on and is on now: after a move the old
 * column's listing must drop it as the new one gains it. The other article pages of
 * both columns follow too (their 上一条/下一条 and 相关信息), and those sharing a title
 * tag (their 相关信息), through the column's and the title tags' cache tags.
 */
export async function refreshArticle(before: ArticleLocation | null, after: ArticleLocation | null): Promise<void> {
  const { paths, tags } = articleRefresh(before, after);
  const id = after?.id ?? before?.id;
  // Documents that name it as their replacement, interpretations that name it as their
  // 政策原文: their pages show its title and link (lib/documents).
  const showing = id ? await articlesShowing(id) : [];
  return refreshPaths([...paths, ...showing.map((other) => `/articles/${other}`)], tags);
}

/** What refreshArticle refreshes: the pages by address, the pages that show it by cache tag. */
export function articleRefresh(before: ArticleLocation | null, after: ArticleLocation | null): { paths: string[]; tags: string[] } {
  const located = [before, after].filter((l): l is ArticleLocation => l !== null);
  const id = after?.id ?? before?.id;
  const tags = [
    TAGS.articles,
    ...(id ? [TAGS.article(id)] : []),
    ...located.map((l) => TAGS.column(l.columnId)),
    ...located.flatMap((l) => (l.titleTags ?? []).map(TAGS.titleTag)),
    ...located.flatMap((l) => (l.documentIds ?? []).map(TAGS.article)),
  ];
  // The documents it interprets, before and after: their 相关解读 gains or loses it.
  const documentPaths = located.flatMap((l) => (l.documentIds ?? []).map((d) => `/articles/${d}`));
  return { paths: [...new Set([...located.flatMap(articlePaths), ...documentPaths])], tags: [...new Set(tags)] };
}
