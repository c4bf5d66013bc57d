import "server-only";
import { Prisma } from "@/lib/db/client";
import type { StatisticsScope } from "./scope";

/**
 * SQL fragments the statistics and the 年度报表 share, so that a figure and the list of
 * articles behind it are counted by the same rule.
 */

/** Only the columns in scope (an editor's own); `a` is the "Article" alias. */
export function scopeSql(scope: StatisticsScope): Prisma.Sql {
  if (scope.columnIds === null) return Prisma.empty;
  if (scope.columnIds.length === 0) return Prisma.sql`AND false`;
  return Prisma.sql`AND a."columnId" IN (${Prisma.join(scope.columnIds)})`;
}

/**
 * Articles that were published (made public) with a 公开日期 in [start, end) and not in
 * the future: live now, or live once and withdrawn since (lib/articles/admin-queries.ts
 * everPublished: a live revision, a withdrawal, or live). Drafts, articles in review and
 * schedules not yet due are not published. Timestamps are stored as UTC without zone.
 */
export function publishedBetweenSql(start: Date, end: Date, now: Date): Prisma.Sql {
  const until = end < now ? end : new Date(now.getTime() + 1);
  return Prisma.sql`(a."liveRevisionId" IS NOT NULL OR a."withdrawnAt" IS NOT NULL OR a.live)
    AND a."publishedAt" >= ${start.toISOString()}::timestamp AND a."publishedAt" < ${until.toISOString()}::timestamp`;
}

/** An article public once and not now: withdrawn (撤稿). */
export const WITHDRAWN_SQL = Prisma.sql`NOT a.live`;
