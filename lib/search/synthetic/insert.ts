import type pg from "pg";
import { allocateIds } from "@/lib/bulk/articles";
import { renderBlocks } from "./body";
import { HAS_LIVE_REVISION, isLive, STATUS } from "./bulk";
import type { SyntheticArticle } from "./compose";

/**
 * The set-based INSERT path the generator used before the COPY path (lib/bulk/articles.ts):
 * multi-row INSERT … SELECT FROM unnest, the search triggers indexing row by row. Kept as
 * `--path insert` to measure the two against each other, and as the reference the bulk
 * writer's rows are checked against (generate.test.ts).
 */
export async function insertBatch(client: pg.ClientBase, articles: SyntheticArticle[], userId: number): Promise<void> {
  const bodies = articles.map((a) => renderBlocks(a.live.blocks));
  await client.query("BEGIN");
  try {
    const ids = await allocateIds(client, "Article", articles.length);
    const revisionIds = await allocateIds(client, "ArticleRevision", articles.length);
    // One statement writes the articles and their first revisions, the live ones already
    // pointing at it: the constraints and the search trigger run at its end, so every
    // search row is written once, public vector included.
    await client.query(
      `WITH t AS (
         SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[],
           $9::text[], $10::text[], $11::text[], $12::text[], $13::boolean[], $14::boolean[], $15::timestamptz[],
           $16::timestamptz[], $17::timestamptz[], $18::text[], $19::int[], $20::timestamptz[])
         AS t(id, revision_id, title, tag, column_id, author, source, summary, body_json, body_html, body_text, status,
              live, has_live, published_at, scheduled_at, withdrawn_at, reason, views, created_at)
       ), articles AS (
         INSERT INTO "Article" (id, title, "titleTags", "columnId", author, source, summary, "bodyJson", "bodyHtml", "bodyText",
           status, live, "liveRevisionId", "publishedAt", "scheduledAt", "withdrawnAt", "withdrawnReason", "viewCount",
           "createdById", "updatedById", "createdAt", "updatedAt")
         SELECT t.id, t.title, CASE WHEN t.tag = '' THEN ARRAY[]::text[] ELSE ARRAY[t.tag] END, t.column_id, t.author, t.source,
           t.summary, t.body_json::jsonb, t.body_html, t.body_text, t.status::"ArticleStatus", t.live,
           CASE WHEN t.has_live THEN t.revision_id END, t.published_at, t.scheduled_at, t.withdrawn_at, t.reason, t.views,
           $21, $21, t.created_at, coalesce(t.published_at, t.created_at)
         FROM t
       )
       INSERT INTO "ArticleRevision" (id, "articleId", version, title, "titleTags", subtitle, author, source, summary,
         "bodyJson", "bodyHtml", "bodyText", "authorId", note, "createdAt")
       SELECT t.revision_id, t.id, 1, t.title, CASE WHEN t.tag = '' THEN ARRAY[]::text[] ELSE ARRAY[t.tag] END, '', t.author,
         t.source, t.summary, t.body_json::jsonb, t.body_html, t.body_text, $21, '', t.created_at
       FROM t`,
      [
        ids,
        revisionIds,
        articles.map((a) => a.live.title),
        articles.map((a) => a.titleTags[0] ?? ""),
        articles.map((a) => a.columnId),
        articles.map((a) => a.author),
        articles.map((a) => a.source),
        articles.map((a) => a.live.summary),
        bodies.map((b) => JSON.stringify(b.bodyJson)),
        bodies.map((b) => b.bodyHtml),
        bodies.map((b) => b.bodyText),
        articles.map((a) => STATUS[a.state]),
        articles.map((a) => isLive(a.state)),
        articles.map((a) => HAS_LIVE_REVISION.has(a.state)),
        articles.map((a) => a.publishedAt),
        articles.map((a) => a.scheduledAt),
        articles.map((a) => a.withdrawnAt),
        articles.map((a) => a.withdrawnReason),
        articles.map((a) => a.viewCount),
        articles.map((a) => a.createdAt),
        userId,
      ],
    );
    await applyWorkingCopies(client, articles, ids);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** Edited articles: the working copy moves on (revision 2, in review) while revision 1 stays live. */
async function applyWorkingCopies(client: pg.ClientBase, articles: SyntheticArticle[], ids: number[]) {
  const edited = articles.flatMap((a, i) => (a.working ? [{ id: ids[i], working: a.working, body: renderBlocks(a.working.blocks) }] : []));
  if (edited.length === 0) return;
  await client.query(
    `UPDATE "Article" a SET title = w.title, summary = w.summary, "bodyJson" = w.body_json::jsonb, "bodyHtml" = w.body_html,
       "bodyText" = w.body_text, version = 2, "updatedAt" = a."publishedAt" + interval '1 day'
     FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       AS w(id, title, summary, body_json, body_html, body_text)
     WHERE a.id = w.id`,
    [
      edited.map((e) => e.id),
      edited.map((e) => e.working.title),
      edited.map((e) => e.working.summary),
      edited.map((e) => JSON.stringify(e.body.bodyJson)),
      edited.map((e) => e.body.bodyHtml),
      edited.map((e) => e.body.bodyText),
    ],
  );
  await client.query(
    `INSERT INTO "ArticleRevision" ("articleId", version, title, "titleTags", subtitle, author, source, summary,
       "bodyJson", "bodyHtml", "bodyText", "authorId", note, "createdAt")
     SELECT a.id, 2, a.title, a."titleTags", a.subtitle, a.author, a.source, a.summary,
       a."bodyJson", a."bodyHtml", a."bodyText", a."createdById", '', a."updatedAt"
     FROM "Article" a WHERE a.id = ANY($1::int[])`,
    [edited.map((e) => e.id)],
  );
}
