import "server-only";
import { canSee } from "@/lib/articles/admin-queries";
import { displayTitle } from "@/lib/articles/format";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { siteUrl } from "@/lib/env";
import { getSiteSettings } from "@/lib/settings/queries";
import { revisionContentHash } from "./content-hash";
import { roundOfForm, type FormEvent } from "./round";

export type { FormLevel } from "./round";

/**
 * Everything a 发稿审签单 shows, for staff who may see the article (null otherwise, or when
 * there is no such article): who wrote and submitted it, each level's reviewer, decision,
 * comment and time, in the round that published it (or the current one), the version
 * approved with its content hash, the 公开日期, and the site.
 */
export async function loadApprovalForm(articleId: number, user: Pick<SessionUser, "id" | "role" | "columnIds">) {
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      titleTags: true,
      columnId: true,
      createdById: true,
      author: true,
      status: true,
      version: true,
      live: true,
      publishedAt: true,
      scheduledAt: true,
      column: { select: { name: true, reviewLevels: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!article || !canSee(user, article)) return null;
  const events: FormEvent[] = await db().workflowEvent.findMany({
    where: { articleId },
    orderBy: { id: "asc" },
    select: { id: true, action: true, level: true, version: true, comment: true, createdAt: true, actor: { select: { name: true } } },
  });
  const round = roundOfForm(events, article.column.reviewLevels);
  const revision = round.version
    ? await db().articleRevision.findUnique({ where: { articleId_version: { articleId, version: round.version } } })
    : null;
  const settings = await getSiteSettings();
  return {
    site: { name: settings.siteName, url: siteUrl() },
    article: {
      id: article.id,
      title: displayTitle(revision?.title ?? article.title, revision?.titleTags ?? article.titleTags),
      column: article.column.name,
      author: revision?.author ?? article.author,
      createdBy: article.createdBy.name,
      status: article.status,
      publicDate: article.publishedAt ?? (article.status === "SCHEDULED" ? article.scheduledAt : null),
    },
    round,
    contentHash: revision ? revisionContentHash(revision) : null,
  };
}

export type ApprovalForm = NonNullable<Awaited<ReturnType<typeof loadApprovalForm>>>;
