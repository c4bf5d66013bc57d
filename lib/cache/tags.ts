/**
 * Cache tags: what a public page depends on, and what a change names. A rendered page
 * carries its tags into the page cache (lib/site/render.ts); a change names the tags
 * it touches (lib/articles/paths.ts, the settings and column actions), and every
 * instance drops the pages that carry any of them (lib/cache/refresh.ts).
 */
export const TAGS = {
  /** Every page shows the site's settings (name, footer, logo) … */
  settings: "settings",
  /** … and the column tree (navigation). */
  columns: "columns",
  /** Pages listing the newest articles of the whole site: home, sitemaps, the site feed. */
  articles: "articles",
  article: (id: number) => `article:${id}`,
  /**
   * A column's listing pages and feed (and its ancestors', which list it too), and every
   * article page of the column: its 上一条/下一条 and 相关信息 come from the column.
   */
  column: (id: number) => `column:${id}`,
  /** Every article page with this title tag (【五大任务】): its 相关信息 lists the others. */
  titleTag: (tag: string) => `titletag:${encodeURIComponent(tag)}`,
  /** The old addresses that answer 301 (lib/redirects): an import changes them. */
  redirects: "redirects",
  /** The managed 主题分类 list: the 政府信息公开目录's filter shows it. */
  topics: "topics",
} as const;

/** The tags of the frame every page shares (header, navigation, footer). */
export const FRAME_TAGS = [TAGS.settings, TAGS.columns];
