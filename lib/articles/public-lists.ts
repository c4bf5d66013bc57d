import { getTopLevelColumns, type ColumnInfo } from "@/lib/columns/queries";
import { db, Prisma } from "@/lib/db/client";
import { inIdOrder } from "@/lib/db/order";
import { sqlRows } from "@/lib/db/sql";
import { mediaUrl } from "@/lib/media/storage";
import { toStoredImage, type ImageVariant } from "@/lib/media/stored-image";
import type { RichTextNode } from "@/lib/sanitize/tiptap";
import { publicArticleSql, publicArticleWhere } from "./public-rule";
import { firstImage, listSelect, toListItem, type ArticleListItem } from "./queries";

/** Listings as readers see them: pinned first, then newest first (ties by id, so pages never overlap). */
const listingOrder: Prisma.ArticleOrderByWithRelationInput[] = [{ pinned: "desc" }, { publishedAt: "desc" }, { id: "desc" }];
/** The same order from the other end (a public article always has its publishedAt). */
const listingOrderReversed: Prisma.ArticleOrderByWithRelationInput[] = [{ pinned: "asc" }, { publishedAt: "asc" }, { id: "asc" }];

export const COLUMN_PAGE_SIZE = 20;

export interface ArticlePage {
  items: ArticleListItem[];
  page: number;
  pageCount: number;
  total: number;
}

/**
 * One page of a column's listing (the column and its descendants). Page numbers start
 * at 1. A page past the middle is read from the other end: the last page of a column of
 * 100,000 articles is then the first rows of the reverse order, where OFFSET would read
 * and drop the 99,980 before it.
 */
export async function listColumnArticles(columnIds: number[], page: number, pageSize = COLUMN_PAGE_SIZE): Promise<ArticlePage> {
  const where = { ...publicArticleWhere(), columnId: { in: columnIds } };
  const total = await countColumnArticles(columnIds);
  const pageCount = listingPageCount(total, pageSize);
  const window = pageWindow(total, page, pageSize);
  if (!window) return { items: [], page, pageCount, total };
  // The page's ids from the listing's index alone (the rows skipped are never read from the table), then those rows.
  const orderBy = window.fromEnd ? listingOrderReversed : listingOrder;
  const ids = (await db().article.findMany({ where, orderBy, skip: window.skip, take: window.take, select: { id: true } })).map((r) => r.id);
  if (window.fromEnd) ids.reverse();
  const rows = await db().article.findMany({ where: { ...where, id: { in: ids } }, select: listSelect });
  return { items: inIdOrder(ids, rows).map(toListItem), page, pageCount, total };
}

/**
 * Which rows page `page` of a listing of `total` holds, read from the nearer end: skip
 * and take in the listing's order, or (fromEnd) in the reverse order. Null past the end.
 */
export function pageWindow(total: number, page: number, pageSize: number): { fromEnd: boolean; skip: number; take: number } | null {
  const start = (page - 1) * pageSize;
  if (start >= total) return null;
  const end = Math.min(start + pageSize, total);
  return total - end < start ? { fromEnd: true, skip: total - end, take: end - start } : { fromEnd: false, skip: start, take: end - start };
}

/** How many pages a listing of `total` articles has (an empty listing still has its first page). */
export function listingPageCount(total: number, pageSize = COLUMN_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** How many public articles a column's listing holds (the column and its descendants). */
export function countColumnArticles(columnIds: number[]): Promise<number> {
  return db().article.count({ where: { ...publicArticleWhere(), columnId: { in: columnIds } } });
}

export interface HomeSection {
  column: ColumnInfo;
  items: ArticleListItem[];
}

/** The newest articles of every top-level column (with its children), pinned first. */
export async function listHomeSections(perColumn = 7): Promise<HomeSection[]> {
  const columns = await getTopLevelColumns();
  return Promise.all(
    columns.map(async ({ column, listedColumnIds }) => {
      const rows = await db().article.findMany({
        where: { ...publicArticleWhere(), columnId: { in: listedColumnIds } },
        orderBy: listingOrder,
        take: perColumn,
        select: listSelect,
      });
      return { column, items: rows.map(toListItem) };
    }),
  );
}

export interface Headline extends ArticleListItem {
  image: { src: string; srcset: string; alt: string } | null;
}

/**
 * 头条: articles marked as headlines, newest first, each with its picture: the cover the
 * editors chose, else the first picture of the body. Both come from the live revision,
 * like the rest of what the public sees (a new cover waiting for review is not shown yet),
 * and so does the cover's alt text: the one saved with that revision, not the media
 * library's current one (which anyone may edit at any time).
 */
export async function listHeadlines(limit = 5): Promise<Headline[]> {
  const rows = await db().article.findMany({
    where: { ...publicArticleWhere(), headline: true },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...listSelect, liveRevision: { select: { ...listSelect.liveRevision.select, bodyJson: true, coverId: true, coverAlt: true } } },
  });
  const covers = await loadCovers(rows.flatMap((row) => (row.liveRevision?.coverId ? [row.liveRevision.coverId] : [])));
  return rows.map((row) => {
    const found = row.liveRevision?.coverId ? covers.get(row.liveRevision.coverId) : undefined;
    const cover = found && { ...found, alt: row.liveRevision!.coverAlt };
    const doc = row.liveRevision?.bodyJson as unknown as RichTextNode | undefined;
    const image = cover ?? (doc ? firstImageWithSrcset(doc) : null);
    return { ...toListItem(row), image };
  });
}

/** Cover images by media id, as uploaded images are shown everywhere (JPEG src, WebP srcset). A deleted one is simply missing. Alt text: the caller's. */
async function loadCovers(ids: number[]): Promise<Map<number, Omit<NonNullable<Headline["image"]>, "alt">>> {
  if (ids.length === 0) return new Map();
  const media = await db().media.findMany({
    where: { id: { in: [...new Set(ids)] }, kind: "IMAGE" },
    select: { id: true, storageKey: true, variants: true, width: true, height: true },
  });
  return new Map(
    media.map((m) => {
      const variants = (m.variants ?? []) as unknown as ImageVariant[];
      const image = variants.length && m.width && m.height ? toStoredImage(m.id, variants, m.width, m.height, "") : null;
      return [m.id, { src: image?.src ?? mediaUrl(m.storageKey), srcset: image?.srcset ?? "" }];
    }),
  );
}

function firstImageWithSrcset(doc: RichTextNode): Headline["image"] {
  const first = firstImage(doc);
  if (!first) return null;
  const find = (node: RichTextNode): string => {
    if (node.type === "image" && node.attrs?.src === first.src) return String(node.attrs?.srcset ?? "");
    for (const child of node.content ?? []) {
      const found = find(child);
      if (found) return found;
    }
    return "";
  };
  return { ...first, srcset: find(doc) };
}

export interface Neighbours {
  /** 上一条: the article listed just above (newer) in the same column. */
  previous: ArticleListItem | null;
  /** 下一条: the article listed just below (older). */
  next: ArticleListItem | null;
}

/**
 * 上一条 / 下一条 in the article's own column, in the listing's date order. Pinning is
 * left out on purpose: it is a highlight on the listing, and following it here would
 * send a reader round in circles between the pinned and the dated items.
 */
export async function getNeighbours(article: { id: number; columnId: number; publishedAt: Date }): Promise<Neighbours> {
  const [previous, next] = await Promise.all([neighbour(article, "newer"), neighbour(article, "older")]);
  return { previous, next };
}

/**
 * The nearest public article of the same column on one side, by (publishedAt, id): a
 * row comparison, which the (columnId, publishedAt, id) index answers by reading one
 * entry (an OR of the two conditions cannot use it and scans the column).
 */
async function neighbour(article: { id: number; columnId: number; publishedAt: Date }, side: "newer" | "older"): Promise<ArticleListItem | null> {
  const at = Prisma.sql`${article.publishedAt.toISOString()}::timestamp`;
  const beyond = side === "newer" ? Prisma.sql`(a."publishedAt", a.id) > (${at}, ${article.id})` : Prisma.sql`(a."publishedAt", a.id) < (${at}, ${article.id})`;
  const order = side === "newer" ? Prisma.sql`ORDER BY a."publishedAt" ASC, a.id ASC` : Prisma.sql`ORDER BY a."publishedAt" DESC, a.id DESC`;
  const rows = await sqlRows<ListRow>(Prisma.sql`
    SELECT a.id, a."publishedAt", a.pinned, r.title, r."titleTags", r.summary
    FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
    WHERE a."columnId" = ${article.columnId} AND ${publicArticleSql()} AND ${beyond}
    ${order} LIMIT 1`);
  return rows[0] ? fromListRow(rows[0]) : null;
}

/**
 * 相关信息: articles sharing a title tag (【五大任务】…) first, then the newest of the
 * same column; never the article itself.
 */
export async function listRelated(article: { id: number; columnId: number; titleTags: string[] }, limit = 5): Promise<ArticleListItem[]> {
  // One statement (this runs on every uncached article render): the newest tagged and the
  // newest of the column, each at most `limit`; tagged ones first, each article once.
  const now = new Date();
  const publicRow = Prisma.sql`${publicArticleSql(now)} AND a.id <> ${article.id}`;
  const columns = Prisma.sql`a.id, a."publishedAt", a.pinned, r.title, r."titleTags", r.summary`;
  const from = Prisma.sql`"Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"`;
  const newest = Prisma.sql`ORDER BY a."publishedAt" DESC, a.id DESC LIMIT ${limit}`;
  // Per tag, the newest `limit` from the ordered index of PublicTitleTag (a few index
  // entries, however many articles share the tag), each article once, then checked
  // against the public rule. PublicTitleTag holds only live articles with a live
  // revision (its trigger), so its own copy of publishedAt is the rest of the rule
  // (lib/articles/public-rule.ts); publicRow checks the whole rule on the article.
  const tagged = article.titleTags.length
    ? Prisma.sql`(SELECT ${columns}, 0 AS side
        FROM (
          SELECT DISTINCT t."articleId" FROM unnest(${article.titleTags}::text[]) AS wanted(tag)
          CROSS JOIN LATERAL (
            SELECT t."articleId" FROM "PublicTitleTag" t
            WHERE t.tag = wanted.tag AND t."publishedAt" <= ${now.toISOString()}::timestamp AND t."articleId" <> ${article.id}
            ORDER BY t."publishedAt" DESC, t."articleId" DESC LIMIT ${limit}
          ) AS t
        ) AS tagged
        JOIN ${from} ON a.id = tagged."articleId"
        WHERE ${publicRow} ${newest}) UNION ALL `
    : Prisma.empty;
  const rows = await sqlRows<ListRow & { side: number }>(Prisma.sql`
    SELECT * FROM (${tagged}(SELECT ${columns}, 1 AS side FROM ${from} WHERE ${publicRow} AND a."columnId" = ${article.columnId} ${newest})) AS related
    ORDER BY side, "publishedAt" DESC, id DESC`);
  const seen = new Set<number>();
  return rows.filter((row) => !seen.has(row.id) && seen.add(row.id)).slice(0, limit).map(fromListRow);
}

/** A listing row read with SQL (the article and its live revision's listing fields). */
export interface ListRow {
  id: number;
  publishedAt: Date;
  pinned: boolean;
  title: string;
  titleTags: string[];
  summary: string;
}

export function fromListRow(row: ListRow): ArticleListItem {
  return { id: row.id, title: row.title, titleTags: row.titleTags, summary: row.summary, publishedAt: row.publishedAt, pinned: row.pinned };
}

/** The newest articles for an RSS feed: the whole site, or a column with its descendants. */
export async function listFeedArticles(columnIds: number[] | null, limit = 50) {
  return db().article.findMany({
    where: { ...publicArticleWhere(), ...(columnIds ? { columnId: { in: columnIds } } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      publishedAt: true,
      column: { select: { name: true } },
      liveRevision: { select: { title: true, titleTags: true, summary: true, author: true, bodyText: true } },
    },
  });
}
