import { prepareBody } from "@/lib/articles/body";
import { db } from "@/lib/db/client";
import { ensureSystemUser } from "@/lib/users/bootstrap";

/**
 * Articles for the search tests, written the way the editorial workflow writes them:
 * a working copy, immutable revisions, and `live` + `liveRevisionId` for what the public
 * sees. The search index is never written here: the trigger must keep up on its own.
 */
export type FixtureState = "published" | "draft" | "scheduled" | "withdrawn";

export interface FixtureInput {
  title: string;
  body?: string;
  summary?: string;
  state?: FixtureState;
  publishedAt?: Date;
  columnSlug?: string;
}

export interface Fixture {
  id: number;
  columnId: number;
}

export async function ensureColumn(slug: string, name = slug, parentSlug?: string): Promise<number> {
  const parentId = parentSlug ? await ensureColumn(parentSlug) : null;
  const column = await db().column.upsert({ where: { slug }, update: {}, create: { slug, name, parentId } });
  return column.id;
}

function content(title: string, body: string, summary: string) {
  const prepared = prepareBody({ type: "doc", content: body.split("\n").map((text) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] })) });
  return { title, summary, bodyJson: prepared.bodyJson as object, bodyHtml: prepared.bodyHtml, bodyText: prepared.bodyText };
}

export async function createArticle(input: FixtureInput): Promise<Fixture> {
  const userId = await ensureSystemUser();
  const columnId = await ensureColumn(input.columnSlug ?? "search-test");
  const state = input.state ?? "published";
  const now = new Date();
  const data = content(input.title, input.body ?? "", input.summary ?? "");
  const article = await db().article.create({
    data: {
      ...data,
      columnId,
      createdById: userId,
      updatedById: userId,
      status: state === "published" ? "PUBLISHED" : state === "draft" ? "DRAFT" : state === "scheduled" ? "SCHEDULED" : "WITHDRAWN",
      scheduledAt: state === "scheduled" ? new Date(now.getTime() + 86_400_000) : null,
      publishedAt: state === "draft" || state === "scheduled" ? null : (input.publishedAt ?? new Date(now.getTime() - 3_600_000)),
      withdrawnAt: state === "withdrawn" ? now : null,
    },
  });
  const revision = await db().articleRevision.create({ data: { ...data, articleId: article.id, version: 1, authorId: userId, titleTags: [], subtitle: "", author: "", source: "" } });
  if (state === "published" || state === "withdrawn") {
    // Withdrawn: it was live once, then `live` went false (the revision stays linked).
    await db().article.update({ where: { id: article.id }, data: { liveRevisionId: revision.id, live: state === "published" } });
  }
  return { id: article.id, columnId };
}

/** An editor changes the working copy; the live revision stays what the public sees. */
export async function editWorkingCopy(id: number, title: string, body: string) {
  const current = await db().article.findUniqueOrThrow({ where: { id } });
  await db().article.update({ where: { id }, data: { ...content(title, body, current.summary), status: "IN_REVIEW", version: { increment: 1 } } });
}

/** The working copy is approved and published: a new revision goes live. */
export async function publishWorkingCopy(id: number) {
  const a = await db().article.findUniqueOrThrow({ where: { id } });
  const revision = await db().articleRevision.create({
    data: {
      articleId: id, version: a.version, title: a.title, titleTags: a.titleTags, subtitle: a.subtitle, author: a.author, source: a.source,
      summary: a.summary, bodyJson: a.bodyJson as object, bodyHtml: a.bodyHtml, bodyText: a.bodyText, authorId: a.updatedById,
    },
  });
  await db().article.update({ where: { id }, data: { liveRevisionId: revision.id, live: true, status: "PUBLISHED", publishedAt: a.publishedAt ?? new Date(Date.now() - 1000) } });
}

export async function withdraw(id: number) {
  await db().article.update({ where: { id }, data: { live: false, status: "WITHDRAWN", withdrawnAt: new Date(), withdrawnReason: "测试撤稿" } });
}
