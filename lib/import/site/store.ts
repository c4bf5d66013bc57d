import { db, Prisma } from "@/lib/db/client";
import { prepareContent } from "@/lib/articles/content";
import { writeRevision } from "@/lib/articles/mutations";
import type { ArticleContent } from "@/lib/articles/schema";
import type { Actor } from "@/lib/auth/permissions";
import { articleForWorkflow, goLive } from "@/lib/workflow/mutations";

/**
 * Writes one item imported before — new items go in batches (./bulk-store.ts) — in one
 * transaction: the article updated as its next version with a revision, as a save
 * would (or created again if its article was deleted meanwhile), made live with its own 公开日期 when
 * published — the import is the approval, audited once for the whole run (./run.ts) —
 * its old addresses as redirects, and the record of the item's source key. A failure
 * anywhere leaves none of it.
 */
export interface StoreInput {
  source: string;
  key: string;
  oldUrl: string;
  contentHash: string;
  content: ArticleContent;
  publish: boolean;
  /** Normalised old paths (./old-path.ts) with the address each came from. */
  redirects: { path: string; oldUrl: string }[];
  note: string;
}

export type Stored = { articleId: number; outcome: "imported" | "updated" };

export async function storeImportedItem(input: StoreInput, actor: Actor, now = new Date()): Promise<Stored> {
  return db().$transaction(async (tx) => {
    const record = await tx.importedItem.findUnique({ where: { source_key: { source: input.source, key: input.key } } });
    const prepared = await prepareContent(tx, input.content, actor);
    let articleId: number;
    let outcome: Stored["outcome"];
    const existing = record?.articleId ? await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Article" WHERE id = ${record.articleId} FOR UPDATE` : [];
    if (existing.length) {
      const before = await tx.article.findUniqueOrThrow({ where: { id: existing[0].id } });
      const version = before.version + 1;
      await tx.article.update({
        where: { id: before.id },
        data: {
          ...prepared.content,
          ...prepared.placement,
          version,
          updatedById: actor.id,
          ...(input.publish ? {} : { status: "DRAFT" as const, reviewLevel: 0, scheduledAt: null }),
        },
      });
      await writeRevision(tx, before.id, version, prepared, actor.id, input.note);
      articleId = before.id;
      outcome = "updated";
    } else {
      const row = await tx.article.create({
        data: { ...prepared.content, ...prepared.placement, status: "DRAFT", version: 1, createdById: actor.id, updatedById: actor.id, createdAt: now },
      });
      await writeRevision(tx, row.id, 1, prepared, actor.id, input.note);
      articleId = row.id;
      outcome = "imported";
    }
    if (input.publish) {
      const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, include: articleForWorkflow });
      await tx.article.update({ where: { id: articleId }, data: { status: "PUBLISHED", reviewLevel: 0, ...(await goLive(tx, article, now)) } });
    }
    for (const redirect of input.redirects) {
      await tx.redirect.upsert({
        where: { path: redirect.path },
        create: { path: redirect.path, articleId, oldUrl: redirect.oldUrl.slice(0, 2000) },
        update: { articleId, oldUrl: redirect.oldUrl.slice(0, 2000) },
      });
    }
    await tx.importedItem.upsert({
      where: { source_key: { source: input.source, key: input.key } },
      create: { source: input.source, key: input.key, articleId, contentHash: input.contentHash, oldUrl: input.oldUrl.slice(0, 2000) },
      update: { articleId, contentHash: input.contentHash, oldUrl: input.oldUrl.slice(0, 2000) },
    });
    return { articleId, outcome };
  }, { timeout: 30_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted });
}

/** Was the item imported before (whatever its content then)? A dry run says "updated" for it. */
export async function importedBefore(source: string, key: string): Promise<boolean> {
  const record = await db().importedItem.findUnique({ where: { source_key: { source, key } }, select: { articleId: true } });
  return !!record?.articleId;
}

/** The item already imported with exactly this content (a re-run, or a resumed one): nothing to do. */
export async function alreadyImported(source: string, key: string, contentHash: string): Promise<boolean> {
  const record = await db().importedItem.findUnique({ where: { source_key: { source, key } }, select: { contentHash: true, articleId: true } });
  return !!record?.articleId && record.contentHash === contentHash;
}
