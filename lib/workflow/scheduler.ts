import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { locationOf, refreshArticle } from "@/lib/articles/paths";
import { articleForWorkflow, goLive } from "./mutations";

/** A schedule published more than this after its time was missed (the server was down). */
export const LATE_AFTER_MS = 2 * 60_000;

/**
 * Publishes every scheduled article that is due. Idempotent and safe to run on
 * several instances at once: each article is claimed with a row lock that skips rows
 * another scheduler holds, and its state is re-checked under the lock.
 */
export async function publishDue(now: Date = new Date()): Promise<number[]> {
  const due = await db().article.findMany({
    where: { status: "SCHEDULED", scheduledAt: { lte: now } },
    select: { id: true },
    orderBy: { scheduledAt: "asc" },
    take: 100,
  });
  const published: number[] = [];
  for (const { id } of due) {
    const result = await db().$transaction(async (tx) => {
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
    if (result) {
      await refreshArticle(locationOf(result.before), locationOf(result.after));
      published.push(id);
    }
  }
  return published;
}
