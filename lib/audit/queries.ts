import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { auditWhere, type AuditFilter } from "./filters";

export const AUDIT_PAGE_SIZE = 50;

const select = {
  id: true,
  at: true,
  actorId: true,
  actorLabel: true,
  action: true,
  targetType: true,
  targetId: true,
  ip: true,
  userAgent: true,
  detail: true,
} satisfies Prisma.AuditEntrySelect;

type Row = Prisma.AuditEntryGetPayload<{ select: typeof select }>;

/** An entry as pages and the CSV see it: the bigint id as a string. */
export function toAuditView(row: Row) {
  return { ...row, id: row.id.toString() };
}

export type AuditView = ReturnType<typeof toAuditView>;

/** One page of entries, newest first, with the total for the pager. */
export async function listAuditEntries(filter: AuditFilter) {
  const where = auditWhere(filter);
  const total = await db().auditEntry.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db().auditEntry.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select,
  });
  return { entries: rows.map(toAuditView), total, page, pageCount };
}

/**
 * Every matching entry, newest first, in batches (keyset on at, id: a deep page
 * costs no more than the first), for the CSV export of a large log.
 */
export async function* iterateAuditEntries(filter: AuditFilter, batchSize = 1000): AsyncGenerator<AuditView[]> {
  const where = auditWhere(filter);
  let after: { at: Date; id: bigint } | null = null;
  for (;;) {
    const cursor: Prisma.AuditEntryWhereInput = after
      ? { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] }
      : {};
    const rows: Row[] = await db().auditEntry.findMany({
      where: { AND: [where, cursor] },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: batchSize,
      select,
    });
    if (rows.length === 0) return;
    yield rows.map(toAuditView);
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    after = { at: last.at, id: last.id };
  }
}

/** The values the filter menus offer: the actions and target types that occur in the log. */
export async function auditFacets() {
  const [actions, targetTypes] = await Promise.all([
    db().$queryRaw<{ v: string }[]>`SELECT DISTINCT "action" AS v FROM "AuditEntry" ORDER BY 1`,
    db().$queryRaw<{ v: string }[]>`SELECT DISTINCT "targetType" AS v FROM "AuditEntry" WHERE "targetType" <> '' ORDER BY 1`,
  ]);
  return { actions: actions.map((r) => r.v), targetTypes: targetTypes.map((r) => r.v) };
}
