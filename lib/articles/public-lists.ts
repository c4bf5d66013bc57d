import { getTopLevelColumns, type ColumnInfo } from "@/lib/columns/queries";
import { db, Prisma } from "@/lib/db/client";
import { mediaUrl } from "@/lib/media/storage";
import { toStoredImage, type ImageVariant } from "@/lib/media/stored-image";
import type { RichTextNode } from "@/lib/sanitize/tiptap";
import { firstImage, listSelect, publicArticleWhere, toListItem, type ArticleListItem } from "./queries";

/** Listings as readers see them: pinned first, then newest first (ties by id, so pages never overlap). */
const listingOrder: Prisma.ArticleOrderByWithRelationInput[] = [{ pinned: "desc" }, { publishedAt: "desc" }, { id: "desc" }];

export const COLUMN_PAGE_SIZE = 20;

export interface ArticlePage {
  items: ArticleListItem[];
  page: number;
  pageCount: number;
  total: number;
}

/** One page of a column's listing (the column and its descendants). Page numbers start at 1. */
export async function listColumnArticles(columnIds: number[], page: number, pageSize = COLUMN_PAGE_SIZE): Promise<ArticlePage> {
  const where = { ...publicArticleWhere(), columnId: { in: columnIds } };
  const [total, rows] = await Promise.all([
    db().article.count({ where }),
    db().article.findMany({ where, orderBy: listingOrder, skip: (page - 1) * pageSize, take: pageSize, select: listSelect }),
  ]);
  return { items: rows.map(toListItem), page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total };
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
 * like the rest of what the public sees (a new cover waiting for review is not shown yet).
 */
export async function listHeadlines(limit = 5): Promise<Headline[]> {
  const rows = await db().article.findMany({
    where: { ...publicArticleWhere(), headline: true },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...listSelect, liveRevision: { select: { title: true, titleTags: true, summary: true, bodyJson: true, coverId: true } } },
  });
  const covers = await loadCovers(rows.flatMap((row) => (row.liveRevision?.coverId ? [row.liveRevision.coverId] : [])));
  return rows.map((row) => {
    const cover = row.liveRevision?.coverId ? covers.get(row.liveRevision.coverId) : undefined;
    const doc = row.liveRevision?.bodyJson as unknown as RichTextNode | undefined;
    const image = cover ?? (doc ? firstImageWithSrcset(doc) : null);
    return { ...toListItem(row), image };
  });
}

/** Cover images by media id, as uploaded images are shown everywhere (JPEG src, WebP srcset). A deleted one is simply missing. */
async function loadCovers(ids: number[]): Promise<Map<number, NonNullable<Headline["image"]>>> {
  if (ids.length === 0) return new Map();
  const media = await db().media.findMany({
    where: { id: { in: [...new Set(ids)] }, kind: "IMAGE" },
    select: { id: true, storageKey: true, variants: true, width: true, height: true, alt: true },
  });
  return new Map(
    media.map((m) => {
      const variants = (m.variants ?? []) as unknown as ImageVariant[];
      const image = variants.length && m.width && m.height ? toStoredImage(m.id, variants, m.width, m.height, m.alt) : null;
      return [m.id, { src: image?.src ?? mediaUrl(m.storageKey), srcset: image?.srcset ?? "", alt: m.alt }];
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
  const base = { ...publicArticleWhere(), columnId: article.columnId };
  const { id, publishedAt } = article;
  const [previous, next] = await Promise.all([
    db().article.findFirst({
      where: { ...base, OR: [{ publishedAt: { gt: publishedAt } }, { publishedAt, id: { gt: id } }] },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      select: listSelect,
    }),
    db().article.findFirst({
      where: { ...base, OR: [{ publishedAt: { lt: publishedAt } }, { publishedAt, id: { lt: id } }] },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: listSelect,
    }),
  ]);
  return { previous: previous ? toListItem(previous) : null, next: next ? toListItem(next) : null };
}

/**
 * 相关信息: articles sharing a title tag (【五大任务】…) first, then the newest of the
 * same column; never the article itself.
 */
export async function listRelated(article: { id: number; columnId: number; titleTags: string[] }, limit = 5): Promise<ArticleListItem[]> {
  const exclude = { id: { not: article.id } };
  const order = [{ publishedAt: "desc" as const }, { id: "desc" as const }];
  const tagged = article.titleTags.length
    ? await db().article.findMany({
        where: { ...publicArticleWhere(), ...exclude, liveRevision: { titleTags: { hasSome: article.titleTags } } },
        orderBy: order,
        take: limit,
        select: listSelect,
      })
    : [];
  const sameColumn =
    tagged.length < limit
      ? await db().article.findMany({
          where: { ...publicArticleWhere(), id: { notIn: [article.id, ...tagged.map((r) => r.id)] }, columnId: article.columnId },
          orderBy: order,
          take: limit - tagged.length,
          select: listSelect,
        })
      : [];
  return [...tagged, ...sameColumn].map(toListItem);
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
