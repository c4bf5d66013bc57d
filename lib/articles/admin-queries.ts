import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db, Prisma } from "@/lib/db/client";
import { inIdOrder } from "@/lib/db/order";
import { sqlRows } from "@/lib/db/sql";
import { fromLocalInput, zoneOffset } from "@/lib/format/zone";
import { getColumnWithDescendantIds } from "@/lib/columns/queries";
import type { DocumentChoice } from "@/lib/documents/interpretations";
import { interpretedDocuments } from "@/lib/documents/links";
import { adminSearchArticles, ADMIN_SEARCH_DEFAULT_LIMIT } from "@/lib/search/admin";
import type { EditorArticle } from "./editor-model";
import { ADMIN_PAGE_SIZE, type AdminListFilter } from "./schema";

/**
 * Which articles a user sees in the back office: admins all of them, everyone else
 * those of their columns and their own.
 */
export function visibleTo(user: Pick<SessionUser, "id" | "role" | "columnIds">): Prisma.ArticleWhereInput {
  if (user.role === "ADMIN") return {};
  return { OR: [{ columnId: { in: user.columnIds } }, { createdById: user.id }] };
}

/** The same rule in SQL on the "Article" row `a`, for the statements Prisma cannot express: the OR of its parts. */
export function visibleToSql(user: Pick<SessionUser, "id" | "role" | "columnIds">): Prisma.Sql {
  return Prisma.sql`(${Prisma.join(visibleSqlParts(user).map((part) => Prisma.sql`(${part})`), " OR ")})`;
}

/**
 * The same rule as parts that do not overlap: an admin's one (every article); an
 * editor's columns, and their own articles in other columns. A count adds up the parts,
 * each read from the index of its own condition: counted as one OR, an editor's list
 * walked the date index past every other column's articles (17 ms for a count of
 * 10,000 at a million articles, 3 ms by parts).
 */
export function visibleSqlParts(user: Pick<SessionUser, "id" | "role" | "columnIds">): Prisma.Sql[] {
  if (user.role === "ADMIN") return [Prisma.sql`TRUE`];
  return [
    Prisma.sql`a."columnId" = ANY(${user.columnIds}::int[])`,
    Prisma.sql`a."createdById" = ${user.id} AND a."columnId" <> ALL(${user.columnIds}::int[])`,
  ];
}

/** The same rule for one article already loaded: outside it, a page answers 404 (the user does not learn it exists). */
export function canSee(user: Pick<SessionUser, "id" | "role" | "columnIds">, article: { columnId: number; createdById: number }): boolean {
  return user.role === "ADMIN" || user.columnIds.includes(article.columnId) || article.createdById === user.id;
}

/** The most search matches the list ranks; past that the editor narrows the search. */
export const ADMIN_SEARCH_LIMIT = ADMIN_SEARCH_DEFAULT_LIMIT;

/**
 * The article list's filters as SQL on the "Article" row `a`, in one place (who may see
 * what apart: visibleToSql, visibleSqlParts). A search goes
 * through the search engine (every status, title and body) and comes back as the ids of
 * the best ADMIN_SEARCH_LIMIT matches, best first (sorted by another field: the newest);
 * a query with nothing searchable in it (only punctuation, say) falls back to a plain
 * title match. SQL rather than Prisma's filter: Prisma counts `take` rows in id order,
 * and that order made every filtered count walk the primary key and read each row to
 * test the filter (an editor's count at a million articles: 51 ms, now 17).
 */
async function adminListFilters(filter: AdminListFilter, searchLimit: number): Promise<{ filters: Prisma.Sql[]; ranked: number[] | null; matches: number; newest: boolean }> {
  const and = filtersBeyondSearch(filter);
  const newest = filter.sort !== "relevance";
  const columnIds = filter.column ? await getColumnWithDescendantIds(filter.column) : undefined;
  let ranked: number[] | null = null;
  let matches = 0;
  if (filter.q) {
    // Sorted by another field, the newest matches are listed in that order: a date sort
    // shows what changed lately, and the newest are cheaper to find than the best (no
    // head matches to look up first: 38 ms against 51 for 1,000 of 生态 at a million articles).
    const found = await adminSearchArticles(filter.q, { statuses: filter.status ? [filter.status] : undefined, columnIds, limit: searchLimit, order: newest ? "newest" : "relevance" });
    if (found) {
      ranked = found.ids;
      matches = found.total;
      and.push(Prisma.sql`a.id = ANY(${found.ids}::int[])`);
    } else {
      and.push(Prisma.sql`a.title ILIKE ${`%${escapeLike(filter.q)}%`}`);
    }
  }
  if (columnIds) and.push(Prisma.sql`a."columnId" = ANY(${columnIds}::int[])`);
  if (filter.status) and.push(Prisma.sql`a.status = ${filter.status}::"ArticleStatus"`);
  return { filters: and, ranked, matches, newest };
}

/** `text` matched literally by LIKE: its wildcards (% and _) and LIKE's default escape character, the backslash, escaped. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The list's conditions that the search engine cannot apply itself: who may see what
 * (an admin sees every article), the author, the dates. A relevance search with none
 * of them asks the engine for one page (searchPage); a new filter the engine does not
 * know belongs here, so that such a search never ignores it.
 */
function conditionsBeyondSearch(filter: AdminListFilter, user: SessionUser): Prisma.Sql[] {
  return [...(user.role === "ADMIN" ? [] : [visibleToSql(user)]), ...filtersBeyondSearch(filter)];
}

/** Those of the list's own filters (the author, the dates): the same for everyone. */
function filtersBeyondSearch(filter: AdminListFilter): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  if (filter.author) and.push(Prisma.sql`a."createdById" = ${filter.author}`);
  // "to" is inclusive: everything before the start of the next day.
  if (filter.from) and.push(Prisma.sql`${LIST_COLUMNS[filter.dateField]} >= ${zonedDayStart(filter.from).toISOString()}::timestamp`);
  if (filter.to) and.push(Prisma.sql`${LIST_COLUMNS[filter.dateField]} < ${new Date(zonedDayStart(filter.to).getTime() + 24 * 3600_000).toISOString()}::timestamp`);
  return and;
}

/** The columns the list sorts and filters by, as SQL: only these names reach a statement. */
const LIST_COLUMNS = {
  updatedAt: Prisma.raw('a."updatedAt"'),
  createdAt: Prisma.raw('a."createdAt"'),
  publishedAt: Prisma.raw('a."publishedAt"'),
  title: Prisma.raw("a.title"),
  viewCount: Prisma.raw('a."viewCount"'),
} as const;

/** The list's order, ties by id; by 公开日期 the never-published come last both ways (each order has its index). */
function listOrder(sort: keyof typeof LIST_COLUMNS, dir: "asc" | "desc"): Prisma.Sql {
  const direction = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  return Prisma.sql`${LIST_COLUMNS[sort]} ${direction}${sort === "publishedAt" ? Prisma.raw(" NULLS LAST") : Prisma.empty}, a.id ${direction}`;
}

/** Midnight of a calendar day in the display time zone. */
function zonedDayStart(day: string): Date {
  return fromLocalInput(`${day}T00:00`, zoneOffset(new Date(`${day}T12:00:00Z`)));
}

const listSelect = {
  id: true, title: true, titleTags: true, status: true, live: true, publishedAt: true, scheduledAt: true,
  updatedAt: true, createdAt: true, viewCount: true, version: true, createdById: true, columnId: true,
  liveRevisionId: true, withdrawnAt: true, pinned: true, headline: true,
  column: { select: { name: true } },
  createdBy: { select: { name: true } },
  updatedBy: { select: { name: true } },
} satisfies Prisma.ArticleSelect;

export type AdminArticleRow = Prisma.ArticleGetPayload<{ select: typeof listSelect }>;

/**
 * The list counts its articles no further than this: counting a million rows takes
 * several times the page's budget. Past it the list says "超过 10,000 篇" and offers its
 * first ADMIN_COUNT_CAP / ADMIN_PAGE_SIZE pages; filters or the other sort direction
 * reach the rest.
 */
export const ADMIN_COUNT_CAP = 10_000;

/** How the list pages and counts; tests pass smaller limits to exercise them with a few rows. */
export interface ListLimits {
  pageSize: number;
  countCap: number;
  /** How many matches of a search the list holds (default ADMIN_SEARCH_LIMIT). */
  searchLimit?: number;
}
const LIST_LIMITS: ListLimits = { pageSize: ADMIN_PAGE_SIZE, countCap: ADMIN_COUNT_CAP };

export async function listAdminArticles(filter: AdminListFilter, user: SessionUser, limits: ListLimits = LIST_LIMITS) {
  const searchLimit = limits.searchLimit ?? ADMIN_SEARCH_LIMIT;
  // The engine applies status and column itself: with nothing else to apply, it is asked for one page,
  // not for the best searchLimit to be filtered here (a twentieth of the text checks on the way).
  if (filter.q && filter.sort === "relevance" && conditionsBeyondSearch(filter, user).length === 0) {
    const page = await searchPage(filter.q, filter, limits.pageSize, searchLimit);
    if (page) return page;
  }
  const { filters, ranked, matches, newest } = await adminListFilters(filter, searchLimit);
  const where = Prisma.join([visibleToSql(user), ...filters], " AND ");
  // More matches than the search holds: the list shows those (the best, or the newest) and says how many there were.
  const truncated = ranked !== null && matches > ranked.length ? { matches, ranked: ranked.length, newest } : null;
  const order = listOrder(filter.sort === "relevance" ? "updatedAt" : filter.sort, filter.dir);
  if (ranked) return matchesPage(where, filter.sort === "relevance" ? ranked : order, filter.page, truncated, limits.pageSize);
  const counted = await countVisible(filters, user, limits.countCap + 1);
  const capped = counted > limits.countCap;
  const total = Math.min(counted, limits.countCap);
  const pageCount = Math.max(1, Math.ceil(total / limits.pageSize));
  const page = Math.min(filter.page, pageCount);
  // The page's ids first: with the filter and the order in one index, the rows it skips
  // are read from the index alone (OFFSET on the table reads every skipped row); then those rows.
  const ids = await db().$queryRaw<{ id: number }[]>`
    SELECT a.id FROM "Article" a WHERE ${where} ORDER BY ${order} LIMIT ${limits.pageSize} OFFSET ${(page - 1) * limits.pageSize}`;
  const rows = await rowsInOrder(ids.map((r) => r.id));
  return { rows, total, capped, page, pageCount, truncated };
}

/**
 * How many of the articles `filters` select the user sees, counted no further than
 * `limit` in each part of the visibility rule (so the sum may pass it), in no order, so
 * that the planner reads whichever index holds the filter.
 */
async function countVisible(filters: Prisma.Sql[], user: SessionUser, limit: number): Promise<number> {
  const counts = visibleSqlParts(user).map(
    (part) => Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM "Article" a WHERE ${Prisma.join([part, ...filters], " AND ")} LIMIT ${limit}) AS capped)`,
  );
  const [{ counted }] = await db().$queryRaw<{ counted: number }[]>`SELECT (${Prisma.join(counts, " + ")})::int AS counted`;
  return counted;
}

export interface SearchTruncation {
  matches: number;
  ranked: number;
  /** The list holds the newest matches (sorted by another field), not the best. */
  newest: boolean;
}

/** One page of the best matches straight from the engine; null when the query has nothing searchable in it. */
async function searchPage(q: string, filter: AdminListFilter, pageSize: number, searchLimit: number) {
  const columnIds = filter.column ? await getColumnWithDescendantIds(filter.column) : undefined;
  const statuses = filter.status ? [filter.status] : undefined;
  // Every page is asked with the same depth, so that the pages of one search never overlap.
  const ask = (page: number) =>
    adminSearchArticles(q, { statuses, columnIds, offset: (page - 1) * pageSize, limit: pageSize, depth: searchLimit });
  let found = await ask(filter.page);
  if (!found) return null;
  const total = Math.min(found.total, searchLimit);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pageCount);
  if (page !== filter.page) found = (await ask(page)) ?? found;
  const truncated = found.total > total ? { matches: found.total, ranked: total, newest: false } : null;
  return { rows: await rowsInOrder(found.ids), total, capped: false, page, pageCount, truncated };
}

/**
 * One page of a search's matches (at most searchLimit, so all of them are read at once
 * and counted here) after the list's other filters and access rules: in the engine's
 * order (`ranked`), or in the list's.
 */
async function matchesPage(where: Prisma.Sql, order: number[] | Prisma.Sql, requestedPage: number, truncated: SearchTruncation | null, pageSize: number) {
  const ranked = Array.isArray(order) ? order : null;
  const matching = (await db().$queryRaw<{ id: number }[]>`
    SELECT a.id FROM "Article" a WHERE ${where}${ranked ? Prisma.empty : Prisma.sql` ORDER BY ${order}`}`).map((r) => r.id);
  const allowed = new Set(matching);
  const ids = ranked ? ranked.filter((id) => allowed.has(id)) : matching;
  const pageCount = Math.max(1, Math.ceil(ids.length / pageSize));
  const page = Math.min(requestedPage, pageCount);
  const rows = await rowsInOrder(ids.slice((page - 1) * pageSize, page * pageSize));
  return { rows, total: ids.length, capped: false, page, pageCount, truncated };
}

/** The list's rows of these articles, in this order. */
async function rowsInOrder(ids: number[]): Promise<AdminArticleRow[]> {
  return inIdOrder(ids, await db().article.findMany({ where: { id: { in: ids } }, select: listSelect }));
}

/**
 * People who wrote articles the user can see, for the author filter: each account is
 * asked for one such article (LATERAL … LIMIT 1, a probe of the (createdById, status)
 * index), rather than every article for its author — a pass over a million rows, which
 * is what the planner chose for Prisma's `some` once there were two accounts. The
 * ORDER BY, a no-op for one author, keeps the probe on that index: when one account
 * wrote nearly everything (an import), the planner otherwise expects any row to do and
 * scans the table, all of it for an account with no article.
 */
export async function listArticleAuthors(user: SessionUser) {
  const rows = await sqlRows<{ id: number; name: string }>(Prisma.sql`
    SELECT u.id, u.name FROM "User" u
    CROSS JOIN LATERAL (
      SELECT 1 FROM "Article" a WHERE a."createdById" = u.id AND ${visibleToSql(user)} ORDER BY a."createdById", a.status LIMIT 1
    ) AS wrote`);
  return rows.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

const editorInclude = {
  updatedBy: { select: { name: true } },
  createdBy: { select: { name: true } },
  column: { select: { name: true } },
  attachments: { orderBy: { position: "asc" }, select: { mediaId: true, name: true } },
} satisfies Prisma.ArticleInclude;

type EditorRow = Prisma.ArticleGetPayload<{ include: typeof editorInclude }>;

export function toEditorArticle(row: EditorRow, interprets: DocumentChoice[] = []): EditorArticle {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    live: row.live,
    title: row.title,
    titleTags: row.titleTags,
    subtitle: row.subtitle,
    columnId: row.columnId,
    author: row.author,
    source: row.source,
    summary: row.summary,
    bodyJson: row.bodyJson as unknown as EditorArticle["bodyJson"],
    coverId: row.coverId,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    pinned: row.pinned,
    headline: row.headline,
    attachments: row.attachments.length ? row.attachments : [],
    indexNo: row.indexNo ?? "",
    topic: row.topic ?? "",
    issuingOrg: row.issuingOrg ?? "",
    writtenAt: row.writtenAt ? row.writtenAt.toISOString().slice(0, 10) : "",
    docNo: row.docNo ?? "",
    validity: row.validity,
    validityDate: row.validityDate ? row.validityDate.toISOString().slice(0, 10) : "",
    replacedById: row.replacedById,
    validUntil: row.validUntil ? row.validUntil.toISOString().slice(0, 10) : "",
    interpretationKind: row.interpretationKind,
    interprets,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy.name,
  };
}

/** The working copy for the editor, with what the page needs to decide who may do what. */
export async function getArticleForEditor(id: number) {
  const row = await db().article.findUnique({ where: { id }, include: editorInclude });
  if (!row) return null;
  return {
    article: toEditorArticle(row, await interpretedDocuments(db(), id, row.version)),
    scope: { columnId: row.columnId, createdById: row.createdById, status: row.status, everPublished: everPublished(row) },
    columnName: row.column.name,
    createdBy: row.createdBy.name,
    createdAt: row.createdAt,
  };
}

export async function getEditorArticleRow(tx: Prisma.TransactionClient, id: number): Promise<EditorArticle | null> {
  const row = await tx.article.findUnique({ where: { id }, include: editorInclude });
  return row ? toEditorArticle(row, await interpretedDocuments(tx, id, row.version)) : null;
}

/** Has the article ever been public? Then it can only be withdrawn, never deleted. */
export function everPublished(row: { liveRevisionId: number | null; withdrawnAt: Date | null; publishedAt?: Date | null; live?: boolean }): boolean {
  return row.liveRevisionId !== null || row.withdrawnAt !== null || !!row.live;
}

/**
 * Columns a user may put an article in, as indented choices: all for admins, their
 * own otherwise — plus the article's current column, so that it still shows.
 */
export async function columnChoicesFor(user: Pick<SessionUser, "role" | "columnIds">, currentColumnId?: number | null) {
  const rows = await db().column.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, name: true, parentId: true } });
  const children = new Map<number | null, typeof rows>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const out: { id: number; name: string; depth: number }[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const r of children.get(parentId) ?? []) {
      if (user.role === "ADMIN" || user.columnIds.includes(r.id) || r.id === currentColumnId) out.push({ id: r.id, name: r.name, depth });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A blank article for the new-article page. */
export function blankEditorArticle(columnId: number | null): EditorArticle {
  return {
    id: null, version: 0, status: "DRAFT", live: false, title: "", titleTags: [], subtitle: "", columnId, author: "", source: "", summary: "",
    bodyJson: { type: "doc", content: [{ type: "paragraph" }] }, coverId: null, publishedAt: null, pinned: false, headline: false, attachments: [],
    indexNo: "", topic: "", issuingOrg: "", writtenAt: "", docNo: "",
    validity: "VALID", validityDate: "", replacedById: null, validUntil: "", interpretationKind: null, interprets: [], updatedAt: null, updatedBy: "",
  };
}
