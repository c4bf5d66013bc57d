import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/permissions";

/**
 * Who sees which numbers. Reading statistics: admins and reviewers the whole site,
 * editors the columns they are members of (the same membership that lets them write
 * there, lib/auth/permissions.ts). The 年度报表 is the site's, so only admins and
 * reviewers compute it, export it and turn it into a draft.
 */
export const STATISTICS_ROLES: readonly Role[] = ["ADMIN", "REVIEWER", "EDITOR"];
export const ANNUAL_REPORT_ROLES: readonly Role[] = ["ADMIN", "REVIEWER"];

/** The columns whose numbers an actor may see: null for all of them. */
export interface StatisticsScope {
  columnIds: readonly number[] | null;
}

export function statisticsScopeOf(actor: Pick<Actor, "role" | "columnIds">): StatisticsScope {
  return actor.role === "EDITOR" ? { columnIds: actor.columnIds } : { columnIds: null };
}

export function scopeIncludes(scope: StatisticsScope, columnId: number): boolean {
  return scope.columnIds === null || scope.columnIds.includes(columnId);
}
