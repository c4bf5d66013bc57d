import "server-only";
import { locationInclude, locationOf, refreshArticle } from "@/lib/articles/paths";
import { publicArticleSql } from "@/lib/articles/public-rule";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { formatCalendarDate, formatDate } from "@/lib/format/date";

/**
 * Announces the documents whose 有效期至 has come: from that day their page reads 已失效
 * (lib/documents/validity.ts computes it from the reviewed revision, so nothing in the
 * content changes); this records the moment in the audit log and refreshes their pages
 * on every instance. Run by the scheduler's heartbeat. Each expiry is claimed once with a
 * conditional update of expiryAnnouncedFor, so several instances announce it once; a
 * document republished with a later 有效期至 is announced again on that day.
 */
export async function announceExpiries(now: Date = new Date()): Promise<number[]> {
  const today = formatDate(now);
  const due = await db().$queryRaw<{ id: number; validUntil: Date }[]>`
    SELECT a.id, r."validUntil" FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
    WHERE r."validUntil" <= ${today}::date AND r.validity = 'VALID'
      AND a."expiryAnnouncedFor" IS DISTINCT FROM r."validUntil" AND ${publicArticleSql(now)}
    ORDER BY r."validUntil", a.id
    LIMIT 100`;
  const announced: number[] = [];
  for (const { id, validUntil } of due) {
    const claimed = await db().$transaction(async (tx) => {
      const { count } = await tx.article.updateMany({
        where: { id, OR: [{ expiryAnnouncedFor: null }, { expiryAnnouncedFor: { not: validUntil } }] },
        data: { expiryAnnouncedFor: validUntil },
      });
      if (count === 0) return null; // another instance announced it
      await audit({ action: "article.expire", actorLabel: "scheduler", targetType: "article", targetId: id, detail: { validUntil: formatCalendarDate(validUntil) } }, tx);
      return tx.article.findUniqueOrThrow({ where: { id }, include: locationInclude });
    });
    if (claimed) {
      const location = locationOf(claimed);
      await refreshArticle(location, location);
      announced.push(id);
    }
  }
  return announced;
}
