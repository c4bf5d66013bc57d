import { countColumnArticles, listingPageCount } from "@/lib/articles/public-lists";
import { publicArticleSql } from "@/lib/articles/public-rule";
import { getColumnContext, listVisibleColumns } from "@/lib/columns/queries";
import { db, Prisma } from "@/lib/db/client";
import { CATALOGUE_FEED_PATH, CATALOGUE_PATH } from "@/lib/documents/catalogue-params";
import { partCount } from "@/lib/export/sitemap";
import { staticPublishing } from "./snapshot";

/**
 * 静态发布, the part that cannot be done at once. A change names the pages it affects
 * (lib/articles/paths.ts, lib/cache/refresh.ts); those are written right after the
 * response. But some names stand for many pages — Next.js expires them in one call —
 * and the snapshot needs every file behind them: after a settings or column change
 * every page (its header and footer changed); after a publish every later page of the
 * column's listing, every sitemap part and the column's other articles. Those pages go
 * into this queue, and every instance's scheduler heartbeat drains it a few seconds at
 * a time (lib/workflow/heartbeat.ts), so a whole site is rewritten in the background
 * without holding up readers, and the work survives a restart. The pages a change names
 * are queued too (lib/cache/refresh.ts), and written at once by every instance that
 * hears of the change (scripts/server.ts): several instances share them (SKIP LOCKED).
 */

/** The route patterns refreshPaths is given (see lib/articles/paths.ts). */
const EVERY_PAGE = "/|layout";
const LISTING_PAGES = "/columns/[slug]/page/[page]|page";
const SITEMAP_PARTS = "/sitemaps/[part]|page";

/**
 * The pages a refresh stands for beyond the ones it names: the pages of the route
 * patterns, and the article pages of a column or title tag whose cache tag was
 * refreshed (TAGS.column, TAGS.titleTag) — their 上一条/下一条 and 相关信息 changed.
 */
export async function pagesBehind(refreshed: string[], tags: string[] = []): Promise<string[]> {
  const named = new Set(refreshed.filter((p) => !p.includes("|")));
  const pages: string[] = [];
  if (refreshed.includes(EVERY_PAGE)) {
    pages.push(...(await everyPublicPage()));
  } else {
    if (refreshed.includes(LISTING_PAGES)) {
      const slugs = [...named].flatMap((p) => /^\/columns\/([a-z0-9-]+)$/.exec(p)?.[1] ?? []);
      for (const slug of slugs) pages.push(...(await laterListingPages(slug)));
    }
    if (refreshed.includes(SITEMAP_PARTS)) pages.push(...(await sitemapParts()));
    const columnIds = tags.flatMap((tag) => /^column:(\d+)$/.exec(tag)?.[1] ?? []).map(Number);
    const titleTags = tags.flatMap((tag) => /^titletag:(.+)$/.exec(tag)?.[1] ?? []).map(decodeURIComponent);
    if (columnIds.length || titleTags.length) {
      const articles = await db().$queryRaw<{ id: number }[]>`
        SELECT a.id FROM "Article" a
        WHERE ${publicArticleSql()} AND (a."columnId" = ANY(${columnIds}::int[])
          OR a.id IN (SELECT "articleId" FROM "PublicTitleTag" WHERE tag = ANY(${titleTags}::text[])))
        ORDER BY a."publishedAt" DESC, a.id DESC`;
      pages.push(...articles.map((a) => `/articles/${a.id}`));
    }
  }
  return [...new Set(pages)].filter((p) => !named.has(p));
}

/** Every public page: what `npm run static:export` writes, and what a site-wide change affects. */
export async function everyPublicPage(): Promise<string[]> {
  const columns = await listVisibleColumns();
  const columnPages: string[] = [];
  for (const column of columns) columnPages.push(`/columns/${column.slug}`, `/columns/${column.slug}/feed.xml`, ...(await laterListingPages(column.slug)));
  const articles = await db().$queryRaw<{ id: number }[]>`SELECT a.id FROM "Article" a WHERE ${publicArticleSql()} ORDER BY a."publishedAt" DESC, a.id DESC`;
  return ["/", "/sitemap", "/sitemap.xml", "/feed.xml", CATALOGUE_PATH, CATALOGUE_FEED_PATH, ...(await sitemapParts()), ...columnPages, ...articles.map((a) => `/articles/${a.id}`)];
}

/**
 * Pages 2… of a column's listing, and one more: when an article goes, the last page
 * goes too, and its file must be removed (the app answers it 404).
 */
async function laterListingPages(slug: string): Promise<string[]> {
  const context = await getColumnContext(slug);
  if (!context) return [];
  const pageCount = listingPageCount(await countColumnArticles(context.listedColumnIds));
  return Array.from({ length: pageCount }, (_, i) => `/columns/${slug}/page/${i + 2}`);
}

/** The sitemap's parts when it has them, and one more (see laterListingPages). */
async function sitemapParts(): Promise<string[]> {
  const parts = await partCount();
  return parts === 1 ? [] : Array.from({ length: parts + 1 }, (_, i) => `/sitemaps/${i + 1}.xml`);
}

export async function enqueueStaticPages(paths: string[]): Promise<void> {
  if (!staticPublishing()) return;
  for (let i = 0; i < paths.length; i += 5000) {
    const chunk = paths.slice(i, i + 5000);
    // Asked again: it keeps its place in the queue, and if an instance is writing it
    // now, the new version stands (the writer removes the row only if it wrote the
    // version it took) and it is free to be taken again.
    await db().$executeRaw`
      INSERT INTO "StaticQueue" (path) SELECT unnest(${chunk}::text[])
      ON CONFLICT (path) DO UPDATE SET version = "StaticQueue".version + 1, attempts = 0, "leasedUntil" = NULL`;
  }
}

const LEASE = Prisma.sql`interval '2 minutes'`;
const MAX_ATTEMPTS = 5;

export interface DrainOptions {
  /** Stop taking pages after this long. */
  budgetMs: number;
  /** Pages written side by side. */
  concurrency?: number;
  /** Writes one page; false when it could not (the server gives the snapshot's writer with its renderer). */
  write: (path: string) => Promise<boolean>;
}

/**
 * Writes queued pages, oldest request first, until the queue is empty or the budget is
 * spent; several instances share the work (SKIP LOCKED). A page that fails is tried
 * again later, up to MAX_ATTEMPTS times. Returns how many pages were written.
 */
export async function drainStaticQueue({ budgetMs, concurrency = 2, write }: DrainOptions): Promise<number> {
  if (!staticPublishing()) return 0;
  const deadline = Date.now() + budgetMs;
  let written = 0;
  while (Date.now() < deadline) {
    const batch = await db().$queryRaw<{ path: string; version: number; attempts: number }[]>`
      UPDATE "StaticQueue" SET "leasedUntil" = now() + ${LEASE}
      WHERE path IN (
        SELECT path FROM "StaticQueue" WHERE "leasedUntil" IS NULL OR "leasedUntil" < now()
        ORDER BY "requestedAt", path LIMIT ${concurrency} FOR UPDATE SKIP LOCKED)
      RETURNING path, version, attempts`;
    if (batch.length === 0) break;
    await Promise.all(
      batch.map(async (page) => {
        // Only the version taken: one asked for since stays queued.
        const thisVersion = Prisma.sql`path = ${page.path} AND version = ${page.version}`;
        const ok = await write(page.path);
        const givenUp = !ok && page.attempts + 1 >= MAX_ATTEMPTS;
        if (ok) written++;
        if (givenUp) console.warn(`[static] ${page.path}: given up after ${MAX_ATTEMPTS} attempts; \`npm run static:export\` rewrites every page`);
        if (ok || givenUp) {
          await db().$executeRaw`DELETE FROM "StaticQueue" WHERE ${thisVersion}`;
        } else {
          // Later, and later each time: the app may be starting, or the database busy.
          await db().$executeRaw`
            UPDATE "StaticQueue" SET attempts = attempts + 1, "leasedUntil" = now() + make_interval(secs => ${30 * 2 ** page.attempts}::int)
            WHERE ${thisVersion}`;
        }
      }),
    );
  }
  return written;
}
