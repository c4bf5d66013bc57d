import { z } from "zod";
import type { Prisma } from "@/lib/db/client";
import { zoneOffset } from "@/lib/format/zone";

/**
 * The audit log's filters, read from the page's query string (a plain GET form, so
 * a filtered view is a link one can share). A malformed value is dropped, not an error.
 */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined);

export const auditFilterSchema = z.object({
  /** Part of the actor's email (failed logins of unknown accounts have only that). */
  actor: text(254),
  /** An exact action ("user.create") or a family ("user.*"). */
  action: text(64),
  targetType: text(32),
  targetId: text(64),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type AuditFilter = z.output<typeof auditFilterSchema>;

/** Reads Next's searchParams ({ key: string | string[] }) into a filter. */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>): AuditFilter {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return auditFilterSchema.parse(flat);
}

/** Midnight at the start of a calendar day in the display time zone. */
export function startOfDay(day: string): Date {
  const noonUtc = new Date(`${day}T12:00:00Z`);
  return new Date(`${day}T00:00:00${zoneOffset(noonUtc)}`);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The Prisma where clause; every value is defined or left out (never `undefined` meaning "any"). */
export function auditWhere(f: AuditFilter): Prisma.AuditEntryWhereInput {
  const where: Prisma.AuditEntryWhereInput[] = [];
  if (f.actor) where.push({ actorLabel: { contains: f.actor, mode: "insensitive" } });
  if (f.action) where.push(f.action.endsWith(".*") ? { action: { startsWith: f.action.slice(0, -1) } } : { action: f.action });
  if (f.targetType) where.push({ targetType: f.targetType });
  if (f.targetId) where.push({ targetId: f.targetId });
  // "to" is inclusive: everything before the next day's midnight.
  if (f.from) where.push({ at: { gte: startOfDay(f.from) } });
  if (f.to) where.push({ at: { lt: startOfDay(nextDay(f.to)) } });
  return where.length > 0 ? { AND: where } : {};
}

/** The query string for the same filters (the export link, the pagination links). */
export function auditQueryString(f: AuditFilter, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "targetType", "targetId", "from", "to"] as const) {
    const value = f[key];
    if (value) params.set(key, value);
  }
  if (page && page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
