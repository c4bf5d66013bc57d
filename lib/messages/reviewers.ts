import type { Prisma } from "@/lib/db/client";

type Client = Pick<Prisma.TransactionClient, "user">;

/**
 * Who may review a level of this article now, by today's rule (lib/auth/permissions.ts,
 * lib/workflow/round.ts): reviewers who work in its column, and admins who do, but not
 * its author, its submitter, nor anyone who approved a level of this round. When nobody
 * in the column qualifies, every admin is told, so an article never waits unseen.
 *
 * MERGE NOTE (issue 21): the per-level named reviewers are written in parallel as
 * `reviewersForLevel(tx, article, level)` in lib/workflow/reviewers.ts; once both are
 * on main, this function becomes a call to that one (the `level` is already passed).
 */
export async function reviewersOfLevel(
  tx: Client,
  article: { columnId: number; createdById: number },
  // Unused by today's rule (any reviewer of the column may take any level); the named-reviewer rule needs it.
  _level: number,
  exclude: { submitterId: number | null; approverIds: number[] },
): Promise<number[]> {
  const excluded = [article.createdById, exclude.submitterId, ...exclude.approverIds].filter((id): id is number => id !== null);
  const eligible = { disabled: false, id: { notIn: excluded } } satisfies Prisma.UserWhereInput;
  const inColumn = await tx.user.findMany({
    where: { ...eligible, role: { in: ["REVIEWER", "ADMIN"] }, columns: { some: { columnId: article.columnId } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  if (inColumn.length > 0) return inColumn.map((u) => u.id);
  const admins = await tx.user.findMany({ where: { ...eligible, role: "ADMIN" }, select: { id: true }, orderBy: { id: "asc" } });
  return admins.map((u) => u.id);
}
