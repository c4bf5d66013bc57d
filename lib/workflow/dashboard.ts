import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db, Prisma } from "@/lib/db/client";
import { reviewersForLevel } from "./reviewers";

const item = {
  id: true,
  columnId: true,
  createdById: true,
  title: true,
  status: true,
  reviewLevel: true,
  updatedAt: true,
  scheduledAt: true,
  publishedAt: true,
  publishedLate: true,
  column: { select: { name: true, reviewLevels: true } },
  createdBy: { select: { name: true } },
} satisfies Prisma.ArticleSelect;

export type DashboardItem = Prisma.ArticleGetPayload<{ select: typeof item }>;

/** The five lists of the 工作台, scoped to the columns the user works in (admins: all). */
export async function getDashboard(user: SessionUser) {
  const inMyColumns: Prisma.ArticleWhereInput = user.role === "ADMIN" ? {} : { columnId: { in: user.columnIds } };
  const mayReview = user.role !== "EDITOR";
  const [drafts, inReview, rejectedCandidates, scheduled, published] = await Promise.all([
    db().article.findMany({
      where: { status: "DRAFT", createdById: user.id },
      orderBy: { updatedAt: "desc" },
      take: 10,
      select: item,
    }),
    mayReview
      ? db().article.findMany({
          where: { ...inMyColumns, status: "IN_REVIEW", createdById: { not: user.id } },
          orderBy: { updatedAt: "asc" },
          take: 100,
          select: item,
        })
      : Promise.resolve([]),
    db().article.findMany({
      where: { status: "DRAFT", createdById: user.id, workflowEvents: { some: { action: "reject" } } },
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: { ...item, workflowEvents: { orderBy: { id: "desc" }, take: 1, select: { action: true, comment: true, actor: { select: { name: true } } } } },
    }),
    db().article.findMany({
      where: { ...inMyColumns, status: "SCHEDULED" },
      orderBy: { scheduledAt: "asc" },
      take: 20,
      select: item,
    }),
    db().article.findMany({
      where: { ...inMyColumns, live: true },
      orderBy: { publishedAt: "desc" },
      take: 10,
      select: item,
    }),
  ]);
  // Waiting for me: the level under review names me (or anyone of the column), and I have not signed this round.
  const toReview = (await filterAsync(inReview, async (a) => (await reviewersForLevel(db(), a, a.reviewLevel + 1)).includes(user.id))).slice(0, 20);
  // Rejected back to me: drafts whose latest event is the rejection (not ones already reworked and resubmitted).
  const rejected = rejectedCandidates
    .filter((a) => a.workflowEvents[0]?.action === "reject")
    .map(({ workflowEvents, ...a }) => ({ ...a, rejection: workflowEvents[0] }));
  const missedSchedules = await db().article.findMany({
    where: { ...inMyColumns, publishedLate: true, publishedAt: { gte: new Date(Date.now() - 30 * 86_400_000) } },
    orderBy: { publishedAt: "desc" },
    take: 10,
    select: item,
  });
  return { drafts, toReview, rejected, scheduled, published, missedSchedules };
}

async function filterAsync<T>(items: T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const kept = await Promise.all(items.map(keep));
  return items.filter((_, i) => kept[i]);
}
