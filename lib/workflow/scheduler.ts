import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { locationOf, refreshArticle } from "@/lib/articles/paths";
import { articleForWorkflow, goLive } from "./mutations";

/** A schedule published more than this after its time was missed (the server was down). */
export const LATE_AFTER_MS = 2 * 60_000;

/** The audit action of a due article that could not be published. */
const FAILED = "article.publishDue.failed";

/**
 * Publishes every scheduled article that is due. Idempotent and safe to run on
 * several instances at once: each article is claimed with a row lock that skips rows
 * another scheduler holds, and its state is re-checked under the lock.
 *
 * One article that cannot go live (its revision damaged, say) never holds back the
 * others: its failure is written to the audit log once — until the article changes —
 * and it is tried again at every tick, after the articles not known to fail.
 */
export async function publishDue(now: Date = new Date()): Promise<number[]> {
  const due = await db().$queryRaw<{ id: number; knownToFail: boolean }[]>`
    SELECT a.id, EXISTS (
        SELECT FROM "AuditEntry" e
        WHERE e."targetType" = 'article' AND e."targetId" = a.id::text AND e.action = ${FAILED} AND e.at >= a."updatedAt"
      ) AS "knownToFail"
    FROM "Article" a
    WHERE a.status = 'SCHEDULED' AND a."scheduledAt" <= ${now}
    ORDER BY 2, a."scheduledAt"
    LIMIT 100`;
  const published: number[] = [];
  for (const { id, knownToFail } of due) {
    const result = await publishOne(id, now).catch(async (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.warn(`[scheduler] article ${id} could not be published: ${message}`);
      if (!knownToFail) {
        await audit({ action: FAILED, actorLabel: "scheduler", targetType: "article", targetId: id, detail: { error: message } }).catch((auditError: unknown) =>
          console.warn(`[scheduler] the failure of article ${id} could not be audited: ${String(auditError)}`),
        );
      }
      return null;
    });
    if (result) {
      await refreshArticle(locationOf(result.before), locationOf(result.after));
      published.push(id);
    }
  }
  return published;
}

/** Claims and publishes one due article in a transaction; null when another instance has it or it is no longer due. */
async function publishOne(id: number, now: Date) {
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM "Article" WHERE id = ${id} AND status = 'SCHEDULED' AND "scheduledAt" <= ${now} FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return null; // published by another instance, or unscheduled meanwhile
    const article = await tx.article.findUniqueOrThrow({ where: { id }, include: articleForWorkflow });
    const late = now.getTime() - article.scheduledAt!.getTime() > LATE_AFTER_MS;
    const updated = await tx.article.update({
      where: { id },
      data: { ...(await goLive(tx, article, now)), status: "PUBLISHED", publishedLate: late },
      include: articleForWorkflow,
    });
    await tx.workflowEvent.create({
      data: {
        articleId: id,
        actorId: null,
        action: "publishDue",
        fromStatus: "SCHEDULED",
        toStatus: "PUBLISHED",
        level: article.reviewLevel,
        version: article.version,
        comment: late ? `定时发布时间 ${article.scheduledAt!.toISOString()} 已错过，服务恢复后补发` : "",
        createdAt: now,
      },
    });
    await audit(
      { action: "article.publishDue", actorLabel: "scheduler", targetType: "article", targetId: id, detail: { late } },
      tx,
    );
    return { before: article, after: updated };
  });
}
