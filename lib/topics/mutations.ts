import "server-only";
import { ActionError } from "@/lib/actions/errors";
import { auditBy, type AuditActor } from "@/lib/audit/by";
import { refreshPaths } from "@/lib/cache/refresh";
import { TAGS } from "@/lib/cache/tags";
import { db, Prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { fill } from "@/lib/i18n/fill";
import { usageCountSql } from "./queries";
import type { MoveTopicInput, RenameTopicInput } from "./schema";
import { topicText } from "./text";

const E = topicText.errors;
const duplicate = () => new ActionError("conflict", E.duplicate, { fieldErrors: { name: [E.duplicate] } });
const missing = () => new ActionError("not_found", E.missing);

/** The 公开目录 shows the list in its filter: any change to it drops those pages. */
const refreshCatalogue = (extraTags: string[] = []) => refreshPaths(["/zfxxgk"], [TAGS.topics, ...extraTags]);

async function lockedTopic(tx: Prisma.TransactionClient, id: number) {
  const rows = await tx.$queryRaw<{ id: number; name: string; position: number }[]>`SELECT id, name, position FROM "Topic" WHERE id = ${id} FOR UPDATE`;
  if (!rows[0]) throw missing();
  return rows[0];
}

export async function createTopic(name: string, actor: AuditActor) {
  try {
    const topic = await db().$transaction(async (tx) => {
      const last = await tx.topic.aggregate({ _max: { position: true } });
      const created = await tx.topic.create({ data: { name, position: (last._max.position ?? 0) + 1 } });
      await auditBy(actor, { action: "topic.create", targetType: "topic", targetId: created.id, detail: { name } }, tx);
      return created;
    });
    await refreshCatalogue();
    return topic;
  } catch (error) {
    if (isUniqueViolation(error, "name")) throw duplicate();
    throw error;
  }
}

/**
 * A rename carries the articles with it: working copies and every revision. The theme is
 * the site's classification, not words the document's reviewers approved, so it is not
 * a new revision to review — and the history reads the same name throughout.
 */
export async function renameTopic({ id, name }: RenameTopicInput, actor: AuditActor) {
  try {
    const { before, liveIds } = await db().$transaction(async (tx) => {
      const before = await lockedTopic(tx, id);
      if (before.name === name) return { before, liveIds: [] as number[] };
      await tx.topic.update({ where: { id }, data: { name } });
      const articles = await tx.article.updateManyAndReturn({ where: { topic: before.name }, data: { topic: name }, select: { id: true } });
      const revisions = await tx.articleRevision.updateManyAndReturn({ where: { topic: before.name }, data: { topic: name }, select: { articleId: true } });
      await auditBy(
        actor,
        { action: "topic.update", targetType: "topic", targetId: id, detail: { changes: { name: [before.name, name] }, articles: articles.length } },
        tx,
      );
      const ids = new Set([...articles.map((a) => a.id), ...revisions.map((r) => r.articleId)]);
      return { before, liveIds: [...ids] };
    });
    if (before.name !== name) await refreshPaths([...liveIds.map((a) => `/articles/${a}`), "/zfxxgk"], [TAGS.topics, TAGS.articles, ...liveIds.map(TAGS.article)]);
  } catch (error) {
    if (isUniqueViolation(error, "name")) throw duplicate();
    throw error;
  }
}

/** One step up or down: swaps places with the neighbour. */
export async function moveTopic({ id, direction }: MoveTopicInput, actor: AuditActor) {
  const moved = await db().$transaction(async (tx) => {
    const topic = await lockedTopic(tx, id);
    const all = await tx.topic.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
    const at = all.findIndex((t) => t.id === id);
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= all.length) return false;
    [all[at], all[to]] = [all[to], all[at]];
    // Renumbered from 1: positions stay dense whatever earlier edits left.
    for (const [index, row] of all.entries()) await tx.topic.update({ where: { id: row.id }, data: { position: index + 1 } });
    await auditBy(actor, { action: "topic.move", targetType: "topic", targetId: id, detail: { name: topic.name, direction, position: to + 1 } }, tx);
    return true;
  });
  if (moved) await refreshCatalogue();
}

/** Only an unused theme goes: articles keep their theme by name, and nothing is lost. */
export async function deleteTopic(id: number, actor: AuditActor) {
  await db().$transaction(async (tx) => {
    const topic = await lockedTopic(tx, id);
    const [{ count }] = await tx.$queryRaw<{ count: number }[]>`SELECT ${usageCountSql(Prisma.sql`${topic.name}`)} AS count`;
    if (count > 0) throw new ActionError("conflict", fill(E.inUse, { count, name: topic.name }));
    await tx.topic.delete({ where: { id } });
    await auditBy(actor, { action: "topic.delete", targetType: "topic", targetId: id, detail: { name: topic.name } }, tx);
  });
  await refreshCatalogue();
}
