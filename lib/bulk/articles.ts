import type pg from "pg";
import type { ArticleRevision } from "@/generated/prisma/client";
import type { ArticleStatus } from "@/generated/prisma/enums";
import { deferSearchIndexing, indexArticles } from "@/lib/search/bulk-index";
import { copyRows, type CopyValue } from "./copy";

/**
 * The bulk path for articles (the synthetic generator, the site importer): a batch of
 * finished articles — their revisions, which one is live, their state and dates — is
 * written with COPY in one transaction, as the workflow would have left each of them.
 * The caller writes its own rows in the same transaction (`alsoWrite`): the importer's
 * import records and redirects commit with their articles or not at all.
 *
 * The revisions go in first, with COPY; then the articles, with one INSERT … SELECT
 * that takes each article's content from its working copy (its last revision). Two
 * reasons: the articles' own triggers (public title tags, public media keys) read the
 * live revision, so it must be there; and the content, copied from row to row, keeps
 * its compressed form — PostgreSQL compresses each body once, not twice (compression
 * was a quarter of the database's time in a load). Until the articles are in, a
 * revision (and the media use its trigger records) refers to an article not yet
 * written, so those two foreign keys are checked at COMMIT (they are DEFERRABLE;
 * migration bulk_write_deferrable).
 */
export interface BulkContent {
  title: string;
  titleTags: readonly string[];
  subtitle: string;
  author: string;
  source: string;
  summary: string;
  /** Tiptap JSON, stored as jsonb. */
  bodyJson: unknown;
  bodyHtml: string;
  bodyText: string;
  coverId: number | null;
  /** The cover's alt text when the revision was saved. */
  coverAlt: string;
  attachments: readonly { mediaId: number; name: string }[];
  /** 政务公开 fields: documents only, null otherwise. */
  document: BulkDocumentFields | null;
}

/** A revision's 政务公开 fields, as the schema types them. */
export type BulkDocumentFields = Pick<
  ArticleRevision,
  "indexNo" | "topic" | "issuingOrg" | "writtenAt" | "docNo" | "validity" | "validityDate" | "replacedById" | "validUntil" | "interpretationKind"
>;

export interface BulkRevision {
  content: BulkContent;
  createdAt: Date;
  note: string;
}

export interface BulkArticle {
  columnId: number;
  /** Versions 1…n in order; the last is the working copy that the article row holds. */
  revisions: readonly BulkRevision[];
  /** The version readers see, or null when it was never published. */
  liveVersion: number | null;
  status: ArticleStatus;
  live: boolean;
  pinned: boolean;
  headline: boolean;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  viewCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface BulkWriteOptions {
  /** Who wrote them (createdBy, updatedBy, the revisions' author). */
  userId: number;
  /** Index them for search before COMMIT (default). Off only to time the load without it. */
  searchIndex?: boolean;
  /** The caller's own rows, written in the same transaction once the articles are in. */
  alsoWrite?: (client: pg.ClientBase, articleIds: readonly number[]) => Promise<void>;
  /** Adds the milliseconds spent in each step, to show where a load's time goes. */
  timings?: BulkTimings;
}

/** Milliseconds per step: ids, revisions, articles, attachments, caller, search, commit (the deferred key checks run there). */
export type BulkTimings = Partial<Record<"ids" | "revisions" | "articles" | "attachments" | "caller" | "search" | "commit", number>>;

const CONTENT_COLUMNS = [
  "title", "titleTags", "subtitle", "author", "source", "summary", "bodyJson", "bodyHtml", "bodyText", "coverId",
  "indexNo", "topic", "issuingOrg", "writtenAt", "docNo", "validity", "validityDate", "replacedById", "validUntil", "interpretationKind",
] as const;

const REVISION_COLUMNS = ["id", "articleId", "version", ...CONTENT_COLUMNS, "coverAlt", "attachments", "note", "authorId", "createdAt"] as const;

/** Each article's own fields, one array per column; its content comes from its working copy. */
const ARTICLE_FIELDS = [
  ["id", "int"], ["workingRevisionId", "int"], ["columnId", "int"], ["status", '"ArticleStatus"'], ["live", "boolean"],
  ["pinned", "boolean"], ["headline", "boolean"], ["publishedAt", "timestamp(3)"], ["scheduledAt", "timestamp(3)"],
  ["withdrawnAt", "timestamp(3)"], ["withdrawnReason", "text"], ["viewCount", "int"], ["version", "int"], ["liveRevisionId", "int"],
  ["createdAt", "timestamp(3)"], ["updatedAt", "timestamp(3)"],
] as const;

const q = (name: string) => `"${name}"`;
const INSERT_ARTICLES = `
  INSERT INTO "Article" (${["id", ...CONTENT_COLUMNS, ...ARTICLE_FIELDS.slice(2).map(([name]) => name), "createdById", "updatedById"].map(q).join(", ")})
  SELECT a.id, ${CONTENT_COLUMNS.map((c) => `r.${q(c)}`).join(", ")}, ${ARTICLE_FIELDS.slice(2).map(([name]) => `a.${q(name)}`).join(", ")}, $${ARTICLE_FIELDS.length + 1}, $${ARTICLE_FIELDS.length + 1}
  FROM unnest(${ARTICLE_FIELDS.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ")}) AS a(${ARTICLE_FIELDS.map(([name]) => q(name)).join(", ")})
  JOIN "ArticleRevision" r ON r.id = a."workingRevisionId"
  ORDER BY a.id`;

const DEFERRED_KEYS = ['"ArticleRevision_articleId_fkey"', '"MediaUse_articleId_fkey"'].join(", ");

function contentFields(c: BulkContent): CopyValue[] {
  const d = c.document;
  return [
    c.title, c.titleTags, c.subtitle, c.author, c.source, c.summary, { json: c.bodyJson }, c.bodyHtml, c.bodyText, c.coverId,
    d?.indexNo ?? null, d?.topic ?? null, d?.issuingOrg ?? null, d?.writtenAt ?? null, d?.docNo ?? null, d?.validity ?? "VALID",
    d?.validityDate ?? null, d?.replacedById ?? null, d?.validUntil ?? null, d?.interpretationKind ?? null,
  ];
}

/** Writes the articles in one transaction on `client` (not already in one) and returns their ids, in order. */
export async function writeArticles(client: pg.ClientBase, articles: readonly BulkArticle[], options: BulkWriteOptions): Promise<number[]> {
  if (articles.length === 0) return [];
  for (const a of articles) {
    if (a.revisions.length === 0) throw new Error("A bulk article needs at least one revision.");
    if (a.liveVersion !== null && (a.liveVersion < 1 || a.liveVersion > a.revisions.length)) throw new Error(`Live version ${a.liveVersion} is not one of its revisions.`);
  }
  let clock = performance.now();
  const step = async <T>(name: keyof BulkTimings, work: () => Promise<T>): Promise<T> => {
    const result = await work();
    if (options.timings) {
      const now = performance.now();
      options.timings[name] = (options.timings[name] ?? 0) + (now - clock);
      clock = now;
    }
    return result;
  };
  await client.query("BEGIN");
  try {
    // A crash loses at most the batches not yet flushed; both callers re-run from what committed.
    await client.query("SET LOCAL synchronous_commit = off");
    await client.query(`SET CONSTRAINTS ${DEFERRED_KEYS} DEFERRED`);
    await deferSearchIndexing(client);
    const revisionCount = articles.reduce((n, a) => n + a.revisions.length, 0);
    const [ids, revisionIds] = await step("ids", async () => [await allocateIds(client, "Article", articles.length), await allocateIds(client, "ArticleRevision", revisionCount)]);
    const firstRevision: number[] = [];
    articles.reduce((next, a, i) => ((firstRevision[i] = next), next + a.revisions.length), 0);

    await step("revisions", () => copyRows(client, "ArticleRevision", REVISION_COLUMNS, revisionRows(articles, ids, revisionIds, firstRevision, options.userId)));
    await step("articles", () => client.query(INSERT_ARTICLES, [...articleColumns(articles, ids, revisionIds, firstRevision), options.userId]));
    // The working copy's attachments, as a save writes them (lib/articles/mutations.ts writeRevision).
    if (articles.some((a) => a.revisions[a.revisions.length - 1].content.attachments.length)) {
      await step("attachments", () => copyRows(client, "Attachment", ["articleId", "mediaId", "name", "position"], attachmentRows(articles, ids)));
    }
    if (options.alsoWrite) await step("caller", () => options.alsoWrite!(client, ids));
    if (options.searchIndex !== false) await step("search", () => indexArticles(client, ids));
    await step("commit", () => client.query("COMMIT"));
    return ids;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

function* revisionRows(articles: readonly BulkArticle[], ids: number[], revisionIds: number[], first: number[], userId: number): Generator<CopyValue[]> {
  for (let i = 0; i < articles.length; i++) {
    const revisions = articles[i].revisions;
    for (let v = 0; v < revisions.length; v++) {
      const { content, createdAt, note } = revisions[v];
      yield [revisionIds[first[i] + v], ids[i], v + 1, ...contentFields(content), content.coverAlt, { json: content.attachments }, note, userId, createdAt];
    }
  }
}

function articleColumns(articles: readonly BulkArticle[], ids: number[], revisionIds: number[], first: number[]): unknown[][] {
  const at = (d: Date | null) => d?.toISOString() ?? null;
  const rows = articles.map((a, i) => [
    ids[i], revisionIds[first[i] + a.revisions.length - 1], a.columnId, a.status, a.live, a.pinned, a.headline, at(a.publishedAt),
    at(a.scheduledAt), at(a.withdrawnAt), a.withdrawnReason, a.viewCount, a.revisions.length,
    a.liveVersion === null ? null : revisionIds[first[i] + a.liveVersion - 1], at(a.createdAt), at(a.updatedAt),
  ]);
  return ARTICLE_FIELDS.map((_, column) => rows.map((row) => row[column]));
}

function* attachmentRows(articles: readonly BulkArticle[], ids: number[]): Generator<CopyValue[]> {
  for (let i = 0; i < articles.length; i++) {
    const working = articles[i].revisions[articles[i].revisions.length - 1].content;
    for (let p = 0; p < working.attachments.length; p++) yield [ids[i], working.attachments[p].mediaId, working.attachments[p].name, p];
  }
}

/** `count` ids from the table's sequence in one round trip; other writers meanwhile get others. */
export async function allocateIds(client: pg.ClientBase, table: string, count: number): Promise<number[]> {
  const result = await client.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence($1, 'id'))::int AS id FROM generate_series(1, $2::int)`,
    [`"${table}"`, count],
  );
  return result.rows.map((r) => r.id);
}
