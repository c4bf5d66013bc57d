import "server-only";
import { listAdminArticles, listArticleAuthors } from "@/lib/articles/admin-queries";
import { adminListFilterSchema } from "@/lib/articles/schema";
import type { SessionUser } from "@/lib/auth/session";
import { db, Prisma } from "@/lib/db/client";
import { partCount } from "@/lib/export/sitemap";
import { loadColumnPage } from "@/lib/site/pages/column";
import { sitemapPart, sitemapXml } from "@/lib/site/pages/feeds";
import type { BenchCase } from "./measure";

const ADMIN_LIST = "Admin article list (/admin/articles)";
const SITEMAP = "Sitemap (/sitemap.xml, /sitemaps/<n>.xml)";
const COLUMN = "Column listing (/columns/<slug>/page/<n>)";

/** The rows or the bytes a case produced: a case that did nothing shows 0. */
const bodySize = (page: { body: unknown }) => (typeof page.body === "string" ? page.body.length : 0);

/**
 * The fixed request set of `npm run bench:scale`, built from what the database holds:
 * its biggest column, an author with articles, an editor's columns, the sitemap's parts.
 */
export async function scaleBenchCases(): Promise<BenchCase[]> {
  // Any account, seen as an admin: the generated database may have no admin yet (npm start creates the first).
  const admin = await db().user.findFirstOrThrow({ orderBy: { id: "asc" } });
  const adminUser: SessionUser = { id: admin.id, email: admin.email, name: admin.name, role: "ADMIN", mustChangePassword: false, columnIds: [] };
  const [biggest] = await db().$queryRaw<{ columnId: number; slug: string }[]>(Prisma.sql`
    SELECT a."columnId", c.slug FROM "Article" a JOIN "Column" c ON c.id = a."columnId"
    WHERE a.live AND NOT c.hidden GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`);
  const [author] = await db().$queryRaw<{ createdById: number }[]>`SELECT "createdById" FROM "Article" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  // An editor of two columns (the biggest one and another): the list then applies the visibility rule.
  const other = await db().column.findFirstOrThrow({ where: { id: { not: biggest.columnId } }, orderBy: { id: "asc" } });
  const editorUser: SessionUser = { ...adminUser, id: admin.id + 1_000_000, role: "EDITOR", columnIds: [biggest.columnId, other.id] };
  const year = new Date().getFullYear() - 1;

  const list = (label: string, params: Record<string, string>, user = adminUser): BenchCase => ({
    section: ADMIN_LIST,
    label,
    run: async () => (await listAdminArticles(adminListFilterSchema.parse(params), user)).rows.length,
  });
  const columnPages = (await loadColumnPage(biggest.slug, 1))?.listing.pageCount ?? 1;
  const column = (label: string, page: number): BenchCase => ({
    section: COLUMN,
    label: `${label} (${biggest.slug}, page ${page.toLocaleString("en")})`,
    run: async () => (await loadColumnPage(biggest.slug, page))?.listing.items.length ?? 0,
  });
  const parts = await partCount();
  const part = (label: string, n: number): BenchCase => ({ section: SITEMAP, label: `${label} (${n} of ${parts})`, run: async () => bodySize(await sitemapPart(n)) });

  return [
    list("default (last changed first)", {}),
    list("column (the biggest)", { column: String(biggest.columnId) }),
    list("status 审核中", { status: "IN_REVIEW" }),
    list("status 已发布", { status: "PUBLISHED" }),
    list("author", { author: String(author.createdById) }),
    list(`published in ${year}`, { dateField: "publishedAt", from: `${year}-01-01`, to: `${year}-12-31` }),
    list("column + status + year", { column: String(biggest.columnId), status: "PUBLISHED", dateField: "publishedAt", from: `${year}-01-01`, to: `${year}-12-31` }),
    list("sort: title", { sort: "title", dir: "asc" }),
    list("sort: published, newest", { sort: "publishedAt" }),
    list("sort: published, oldest", { sort: "publishedAt", dir: "asc" }),
    list("sort: views", { sort: "viewCount" }),
    list("sort: created", { sort: "createdAt" }),
    list("sort: last changed, oldest", { dir: "asc" }),
    list("search 生态 (best match)", { q: "生态" }),
    list("search 生态 (last changed)", { q: "生态", sort: "updatedAt" }),
    list("deep page (500)", { page: "500" }),
    list("last page", { page: "100000" }),
    list("editor (2 columns)", {}, editorUser),
    list("editor, deep page (500)", { page: "500" }, editorUser),
    { section: ADMIN_LIST, label: "author choices (the filter's list)", run: async () => (await listArticleAuthors(adminUser)).length },
    { section: SITEMAP, label: "index (/sitemap.xml)", run: async () => bodySize(await sitemapXml()) },
    part("first part", 1),
    part("middle part", Math.max(1, Math.ceil(parts / 2))),
    part("last part", parts),
    column("first page", 1),
    column("middle page", Math.max(1, Math.ceil(columnPages / 2))),
    column("last page", columnPages),
  ];
}
