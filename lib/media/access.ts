import "server-only";
import { visibleTo } from "@/lib/articles/admin-queries";
import type { SessionUser } from "@/lib/auth/session";
import { db, Prisma } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";

/**
 * Who may fetch an uploaded file. A file is public while a live article's live
 * revision shows or links it (cover, attachments, body pictures) or it is the site
 * logo, from the article's 公开日期 on: the database keeps that list ("PublicMediaKey",
 * by triggers). Anything else — a draft's picture, a withdrawn article's attachment —
 * is served only to staff who may see an article using it (any of its revisions), to
 * whoever uploaded it, and to admins; to everyone else it does not exist (404).
 */
export type MediaViewer = Pick<SessionUser, "id" | "role" | "columnIds">;

/**
 * Public now? One primary-key lookup, a prepared statement on the public read pool:
 * the media route runs it for every picture of every page. "PublicMediaKey" holds keys of
 * live articles with a live revision only (its trigger), so its copy of publishedAt is
 * the rest of the public rule (lib/articles/public-rule.ts).
 */
export async function isPublicMedia(key: string, now: Date = new Date()): Promise<boolean> {
  const rows = await sqlRows<{ ok: number }>(Prisma.sql`
    SELECT 1 AS ok FROM "PublicMediaKey" WHERE key = ${key} AND "publishedAt" <= ${now.toISOString()}::timestamp LIMIT 1`);
  return rows.length > 0;
}

/**
 * The media a staff user may see, as a filter: the library lists exactly these, and
 * the media route serves their files. Admins see everything; others what they uploaded
 * and what the articles they may see (visibleTo: their columns, their own) use.
 */
export function mediaVisibleTo(viewer: MediaViewer): Prisma.MediaWhereInput {
  if (viewer.role === "ADMIN") return {};
  return { OR: [{ uploadedById: viewer.id }, { uses: { some: { article: visibleTo(viewer) } } }] };
}

/** May this staff user fetch the file stored under `key` (the file itself or one of an image's renditions)? */
export async function staffMaySee(key: string, viewer: MediaViewer): Promise<boolean> {
  // Admins may fetch any file, even one no media row describes (left over by a failed upload).
  if (viewer.role === "ADMIN") return true;
  const found = await db().media.findFirst({
    where: { AND: [{ OR: [{ storageKey: key }, { variants: { array_contains: [{ key }] } }] }, mediaVisibleTo(viewer)] },
    select: { id: true },
  });
  return found !== null;
}
