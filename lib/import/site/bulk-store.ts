import type pg from "pg";
import type { PreparedContent } from "@/lib/articles/content";
import { writeArticles, type BulkArticle, type BulkContent } from "@/lib/bulk/articles";
import { pool } from "@/lib/db/pool";
import type { StoreInput } from "./store";

/**
 * New items (never imported before) are written in batches through the bulk path
 * (lib/bulk/articles.ts): the articles with their first revision, each live one as the
 * workflow's goLive leaves it (its live revision, PUBLISHED, its own 公开日期 or the
 * import's time), and in the same transaction the items' redirects and import records.
 * So a batch commits whole or not at all, and a re-run finds exactly the items that
 * committed. What goLive's callers do besides — the audit entry, the refresh of the
 * public pages — the run does once for all (./run.ts finishRun); an import writes no
 * workflow history, so it sends no messages.
 */
export interface NewItem {
  input: StoreInput;
  prepared: PreparedContent;
}

function bulkContent(prepared: PreparedContent): BulkContent {
  const c = prepared.content;
  if (prepared.interprets.length) throw new Error("The bulk path does not write interpretation links.");
  return {
    title: c.title,
    titleTags: c.titleTags,
    subtitle: c.subtitle,
    author: c.author,
    source: c.source,
    summary: c.summary,
    bodyJson: c.bodyJson,
    bodyHtml: c.bodyHtml,
    bodyText: c.bodyText,
    coverId: c.coverId,
    coverAlt: prepared.coverAlt,
    attachments: prepared.attachments,
    document: {
      indexNo: c.indexNo, topic: c.topic, issuingOrg: c.issuingOrg, writtenAt: c.writtenAt, docNo: c.docNo, validity: c.validity,
      validityDate: c.validityDate, replacedById: c.replacedById, validUntil: c.validUntil, interpretationKind: c.interpretationKind,
    },
  };
}

function bulkArticle({ input, prepared }: NewItem, now: Date): BulkArticle {
  const { placement } = prepared;
  return {
    columnId: placement.columnId,
    revisions: [{ content: bulkContent(prepared), createdAt: now, note: input.note }],
    liveVersion: input.publish ? 1 : null,
    status: input.publish ? "PUBLISHED" : "DRAFT",
    live: input.publish,
    pinned: placement.pinned,
    headline: placement.headline,
    publishedAt: placement.publishedAt ?? (input.publish ? now : null),
    scheduledAt: null,
    withdrawnAt: null,
    withdrawnReason: null,
    viewCount: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** The items' redirects (the last one named wins, as one upsert after another would) and their import records. */
async function writeRecords(client: pg.ClientBase, items: readonly NewItem[], articleIds: readonly number[], now: Date) {
  const redirects = new Map<string, { articleId: number; oldUrl: string }>();
  items.forEach((item, i) => item.input.redirects.forEach((r) => redirects.set(r.path, { articleId: articleIds[i], oldUrl: r.oldUrl.slice(0, 2000) })));
  if (redirects.size) {
    await client.query(
      `INSERT INTO "Redirect" (path, "articleId", "oldUrl") SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
       ON CONFLICT (path) DO UPDATE SET "articleId" = EXCLUDED."articleId", "oldUrl" = EXCLUDED."oldUrl"`,
      [[...redirects.keys()], [...redirects.values()].map((r) => r.articleId), [...redirects.values()].map((r) => r.oldUrl)],
    );
  }
  await client.query(
    `INSERT INTO "ImportedItem" (source, key, "articleId", "contentHash", "oldUrl", "importedAt", "updatedAt")
     SELECT s, k, a, h, u, $6, $6 FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[]) AS t(s, k, a, h, u)
     ON CONFLICT (source, key) DO UPDATE SET "articleId" = EXCLUDED."articleId", "contentHash" = EXCLUDED."contentHash",
       "oldUrl" = EXCLUDED."oldUrl", "updatedAt" = EXCLUDED."updatedAt"`,
    [
      items.map((i) => i.input.source),
      items.map((i) => i.input.key),
      articleIds,
      items.map((i) => i.input.contentHash),
      items.map((i) => i.input.oldUrl.slice(0, 2000)),
      // Prisma keeps UTC in timestamp columns: the ISO form, whose zone the column ignores.
      now.toISOString(),
    ],
  );
}

/** Writes the new items in one transaction; returns their article ids, in order. */
export async function storeNewItems(items: readonly NewItem[], actorId: number, now = new Date()): Promise<number[]> {
  const client = await pool().connect();
  try {
    return await writeArticles(client, items.map((item) => bulkArticle(item, now)), {
      userId: actorId,
      alsoWrite: (tx, articleIds) => writeRecords(tx, items, articleIds, now),
    });
  } finally {
    client.release();
  }
}
