import { db, Prisma } from "@/lib/db/client";

/**
 * The one rule for what the public may see: live (published, not withdrawn), due,
 * with a live revision. Every public query starts from it. The working copy's status
 * does not matter: an edit under review keeps the last approved version public.
 */
export function publicArticleWhere(now: Date = new Date()): Prisma.ArticleWhereInput {
  return { live: true, publishedAt: { lte: now }, liveRevisionId: { not: null } };
}

const listSelect = {
  id: true,
  publishedAt: true,
  pinned: true,
  columnId: true,
  liveRevision: { select: { title: true, titleTags: true, summary: true } },
} satisfies Prisma.ArticleSelect;

export interface ArticleListItem {
  id: number;
  title: string;
  titleTags: string[];
  summary: string;
  publishedAt: Date;
  pinned: boolean;
}

function toListItem(row: Prisma.ArticleGetPayload<{ select: typeof listSelect }>): ArticleListItem {
  return {
    id: row.id,
    title: row.liveRevision?.title ?? "",
    titleTags: row.liveRevision?.titleTags ?? [],
    summary: row.liveRevision?.summary ?? "",
    publishedAt: row.publishedAt!,
    pinned: row.pinned,
  };
}

export async function listLatestArticles(limit = 20): Promise<ArticleListItem[]> {
  const rows = await db().article.findMany({
    where: publicArticleWhere(),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: listSelect,
  });
  return rows.map(toListItem);
}

/** A published article with its live content, or null (unknown, draft, scheduled). */
export async function getPublicArticle(id: number) {
  const row = await db().article.findFirst({
    where: { id, ...publicArticleWhere() },
    include: {
      liveRevision: true,
      column: { select: { id: true, name: true, slug: true, parentId: true } },
    },
  });
  if (!row?.liveRevision || !row.publishedAt) return null;
  return { ...row, live: row.liveRevision, publishedAt: row.publishedAt };
}

export type PublicArticle = NonNullable<Awaited<ReturnType<typeof getPublicArticle>>>;

export async function listPublishedForSitemap() {
  return db().article.findMany({
    where: publicArticleWhere(),
    orderBy: { publishedAt: "desc" },
    select: { id: true, updatedAt: true, publishedAt: true },
  });
}
