import "server-only";
import { db } from "@/lib/db/client";

/** Every reviewer group with its members and the column levels that name it, for the users page and the column form. */
export async function listReviewerGroups() {
  const rows = await db().reviewerGroup.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      members: { select: { user: { select: { id: true, name: true, disabled: true } } }, orderBy: { userId: "asc" } },
      _count: { select: { levels: true } },
    },
  });
  return rows.map(({ members, _count, ...g }) => ({ ...g, members: members.map((m) => m.user), levelCount: _count.levels }));
}

export type ReviewerGroupRow = Awaited<ReturnType<typeof listReviewerGroups>>[number];

/** Users who may be named to review: reviewers and admins (editors never approve). */
export async function listReviewerChoices() {
  return db().user.findMany({
    where: { role: { in: ["REVIEWER", "ADMIN"] }, disabled: false },
    orderBy: [{ role: "asc" }, { id: "asc" }],
    select: { id: true, name: true, role: true },
  });
}

export type ReviewerChoice = Awaited<ReturnType<typeof listReviewerChoices>>[number];
