import "server-only";
import { ActionError } from "@/lib/actions/errors";
import { auditBy } from "@/lib/audit/by";
import type { AuditAction } from "@/lib/audit/labels";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { db, Prisma } from "@/lib/db/client";
import { interpretedIds, interpretedSelect } from "@/lib/documents/links";
import { getEditorArticleRow } from "./admin-queries";
import { restartRound } from "@/lib/workflow/round";
import { prepareContent, sameContent, scopeOf, wordsIn, type PreparedContent } from "./content";
import type { SaveResult } from "./editor-model";
import { locationInclude, locationOf, refreshArticle } from "./paths";
import { assertMayMoveLive, auditPlacement, placementOf, samePlacement } from "./placement";
import type { ArticleContent } from "./schema";

export interface ArticleActor extends Actor {
  email: string;
}

/** Statuses whose working copy has been approved: an edit sends it through review again. */
const REVIEWED = new Set(["APPROVED", "SCHEDULED", "PUBLISHED", "WITHDRAWN"]);

const storedInclude = {
  ...locationInclude,
  attachments: { orderBy: { position: "asc" }, select: { mediaId: true, name: true } },
} satisfies Prisma.ArticleInclude;

export async function writeRevision(tx: Prisma.TransactionClient, articleId: number, version: number, prepared: PreparedContent, authorId: number, note: string) {
  await tx.attachment.deleteMany({ where: { articleId } });
  if (prepared.attachments.length) {
    await tx.attachment.createMany({ data: prepared.attachments.map((a, position) => ({ articleId, mediaId: a.mediaId, name: a.name, position })) });
  }
  await tx.articleRevision.create({
    data: {
      ...prepared.content,
      coverAlt: prepared.coverAlt,
      articleId,
      version,
      authorId,
      note,
      attachments: prepared.attachments as unknown as Prisma.InputJsonValue,
      interprets: { create: prepared.interprets.map((documentId, position) => ({ documentId, position })) },
    },
  });
}

function result(id: number, version: number, status: SaveResult["status"], savedAt: Date, extra: Partial<SaveResult> = {}): SaveResult {
  return { id, version, status, savedAt: savedAt.toISOString(), unchanged: false, backToDraft: false, words: [], ...extra };
}

/** A new draft, written by the actor, in a column they work in. Its first revision is version 1. */
export async function createArticle(input: ArticleContent, actor: ArticleActor, note = "新建"): Promise<SaveResult> {
  assertCan(actor, "article:create");
  assertCan(actor, "article:edit", { columnId: input.columnId, createdById: actor.id, status: "DRAFT", everPublished: false });
  const created = await db().$transaction(async (tx) => {
    const prepared = await prepareContent(tx, input, actor);
    const row = await tx.article.create({
      data: { ...prepared.content, ...prepared.placement, status: "DRAFT", version: 1, createdById: actor.id, updatedById: actor.id },
    });
    await writeRevision(tx, row.id, 1, prepared, actor.id, note);
    await auditBy(actor, { action: "article.create", targetType: "article", targetId: row.id, detail: { title: row.title, columnId: row.columnId } }, tx);
    return row;
  });
  return result(created.id, 1, "DRAFT", created.updatedAt, { words: await wordsIn(created) });
}

export interface SaveOptions {
  autosave?: boolean;
  note?: string;
  auditAction?: AuditAction;
}

/**
 * Saves the editor's copy as the next version — only if nobody saved since the version
 * it started from (optimistic lock: a conditional update on id + version). A refused
 * save carries the stored copy so the editor can show the difference.
 *
 * Review binds to versions: saving an article in review restarts its round (approvals
 * void, lib/workflow/round.ts); saving an approved or published one sends it back to draft.
 * The placement of a live article (column, 公开日期, 置顶, 头条) is what the public sees
 * now, not a draft: only a user with the publish permission changes it, at once, audited
 * as "article.placement" with before and after; its 公开日期 never moves into the future.
 */
export async function saveArticle(
  input: ArticleContent & { id: number; baseVersion: number },
  actor: ArticleActor,
  options: SaveOptions = {},
): Promise<SaveResult> {
  const now = new Date();
  const outcome = await db().$transaction(async (tx) => {
    const before = await tx.article.findUnique({ where: { id: input.id }, include: storedInclude });
    if (!before) throw new ActionError("not_found", "文章不存在或已被删除。");
    if (!can(actor, "article:edit", scopeOf(before)) && before.status === "IN_REVIEW") {
      throw new ActionError("forbidden", "文章正在审核中，审核完成或退回后才能修改。");
    }
    assertCan(actor, "article:edit", scopeOf(before));
    if (input.columnId !== before.columnId) assertCan(actor, "article:edit", { ...scopeOf(before), columnId: input.columnId });
    const prepared = await prepareContent(tx, input, actor);
    const stored = await tx.articleRevision.findUnique({
      where: { articleId_version: { articleId: input.id, version: before.version } },
      select: { coverAlt: true, interprets: interpretedSelect },
    });
    const placementChanged = !samePlacement(before, prepared.placement);
    // The cover's alt text is part of what is reviewed: a new one in the media library is a change.
    const storedContent = { ...before, interprets: interpretedIds(stored?.interprets ?? []) };
    const contentChanged = !sameContent(storedContent, { ...prepared, placement: placementOf(before) }) || (stored?.coverAlt ?? "") !== prepared.coverAlt;
    // Exactly what is stored — even from an older version, as when a save reached the
    // server although the browser saw it fail: nothing to overwrite, nothing to write.
    if (!contentChanged && !placementChanged) return { before, after: before, unchanged: true as const, prepared };
    if (before.version !== input.baseVersion) throw await conflict(tx, input.id);
    const liveMove = before.live && placementChanged;
    if (liveMove) assertMayMoveLive(actor, before, prepared.placement, now);

    if (!contentChanged) {
      // Only a live article's placement: nothing for review, no new version.
      const { count } = await tx.article.updateMany({ where: { id: input.id, version: input.baseVersion }, data: { ...prepared.placement, updatedById: actor.id } });
      if (count === 0) throw await conflict(tx, input.id);
      await auditPlacement(tx, actor, input.id, before, prepared.placement);
      const after = await tx.article.findUniqueOrThrow({ where: { id: input.id }, include: storedInclude });
      return { before, after, unchanged: false as const, backToDraft: false, restart: false, prepared };
    }

    const backToDraft = REVIEWED.has(before.status);
    const restart = before.status === "IN_REVIEW";
    const version = input.baseVersion + 1;
    const { count } = await tx.article.updateMany({
      where: { id: input.id, version: input.baseVersion },
      data: {
        ...prepared.content,
        ...prepared.placement,
        version,
        updatedById: actor.id,
        // Back through review; `live` and `liveRevisionId` stay, so the public keeps the approved version.
        ...(backToDraft ? { status: "DRAFT" as const, reviewLevel: 0, scheduledAt: null } : {}),
        ...(restart ? { reviewLevel: 0 } : {}),
      },
    });
    // Another save committed between our read and our update.
    if (count === 0) throw await conflict(tx, input.id);
    await writeRevision(tx, input.id, version, prepared, actor.id, options.note ?? (options.autosave ? "自动保存" : ""));
    if (restart) await restartRound(tx, { articleId: input.id, actorId: actor.id, version, reviewLevelBefore: before.reviewLevel, now });
    await auditBy(
      actor,
      {
        action: options.auditAction ?? "article.save",
        targetType: "article",
        targetId: input.id,
        detail: {
          version,
          autosave: !!options.autosave,
          ...(backToDraft ? { statusFrom: before.status, statusTo: "DRAFT" } : {}),
          ...(restart ? { reviewRestarted: true, reviewLevelFrom: before.reviewLevel } : {}),
        },
      },
      tx,
    );
    if (liveMove) await auditPlacement(tx, actor, input.id, before, prepared.placement);
    const after = await tx.article.findUniqueOrThrow({ where: { id: input.id }, include: storedInclude });
    return { before, after, unchanged: false as const, backToDraft, restart, prepared };
  });
  const { before, after } = outcome;
  // The public sees the live revision; only the article's own placement fields change public pages.
  if (after.live && !samePlacement(before, after)) await refreshArticle(locationOf(before), locationOf(after));
  return result(after.id, after.version, after.status, after.updatedAt, {
    unchanged: outcome.unchanged,
    backToDraft: !outcome.unchanged && outcome.backToDraft,
    reviewRestarted: !outcome.unchanged && outcome.restart,
    words: await wordsIn(outcome.prepared.content),
  });
}

async function conflict(tx: Prisma.TransactionClient, id: number): Promise<ActionError> {
  const current = await getEditorArticleRow(tx, id);
  return new ActionError(
    "conflict",
    `${current?.updatedBy ?? "其他人"}已在您之后保存了这篇文章（第 ${current?.version ?? "?"} 版）。您的修改没有丢失：请查看差异，选择保留哪一份，或手动合并后再保存。`,
    { current },
  );
}

/** Deletes a draft that was never public (its revisions go with it; media stay in the library). */
export async function deleteArticle(id: number, actor: ArticleActor): Promise<{ id: number }> {
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${id} FOR UPDATE`;
    const article = await tx.article.findUnique({ where: { id } });
    if (!article) throw new ActionError("not_found", "文章不存在或已被删除。");
    assertCan(actor, "article:delete", scopeOf(article));
    await tx.article.delete({ where: { id } });
    await auditBy(actor, { action: "article.delete", targetType: "article", targetId: id, detail: { title: article.title, version: article.version } }, tx);
  });
  return { id };
}

/** A new draft with the same content, written by the actor (never published, no schedule). */
export async function duplicateArticle(id: number, actor: ArticleActor): Promise<SaveResult> {
  const source = await db().article.findUnique({ where: { id }, include: storedInclude });
  if (!source) throw new ActionError("not_found", "文章不存在或已被删除。");
  const title = `${source.title}（副本）`.slice(0, 200);
  const current = await db().articleRevision.findUnique({ where: { articleId_version: { articleId: id, version: source.version } }, select: { interprets: interpretedSelect } });
  const copy = await createArticle(
    {
      ...source,
      title,
      bodyJson: source.bodyJson as unknown as ArticleContent["bodyJson"],
      publishedAt: null,
      pinned: false,
      headline: false,
      attachments: source.attachments,
      interprets: interpretedIds(current?.interprets ?? []),
    },
    actor,
    `复制自第 ${id} 号文章`,
  );
  await auditBy(actor, { action: "article.duplicate", targetType: "article", targetId: copy.id, detail: { from: id } });
  return copy;
}
