// No "server-only": the public renderer reads the list too (lib/site/render-imports.test.ts).
import { db, Prisma } from "@/lib/db/client";

/** The names in display order: the editor's select and the 公开目录's filter. */
export async function listTopicNames(): Promise<string[]> {
  const rows = await db().topic.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], select: { name: true } });
  return rows.map((r) => r.name);
}

/**
 * How many articles use a theme name: their working copy or their public version. A
 * theme in use cannot be deleted (lib/topics/mutations.ts).
 */
export function usageCountSql(name: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM "Article" a LEFT JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
    WHERE a.topic = ${name} OR r.topic = ${name})`;
}

export interface AdminTopic {
  id: number;
  name: string;
  usage: number;
}

/** The admin list, with how many articles use each name. */
export async function listTopicsWithUsage(): Promise<AdminTopic[]> {
  return db().$queryRaw<AdminTopic[]>`SELECT t.id, t.name, ${usageCountSql(Prisma.sql`t.name`)} AS usage FROM "Topic" t ORDER BY t.position, t.id`;
}
