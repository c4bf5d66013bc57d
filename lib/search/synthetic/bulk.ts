import type { ArticleStatus } from "@/generated/prisma/enums";
import type { BulkArticle, BulkContent } from "@/lib/bulk/articles";
import { renderBlocks } from "./body";
import type { SyntheticArticle, SyntheticContent, SyntheticState } from "./compose";

/**
 * A synthetic article as the workflow would have left it: every article has revision 1;
 * published, edited and withdrawn ones have it live; an edited one also has a working
 * copy (revision 2) under review, saved a day after its publication.
 */
export const STATUS: Record<SyntheticState, ArticleStatus> = {
  published: "PUBLISHED",
  edited: "IN_REVIEW",
  draft: "DRAFT",
  inReview: "IN_REVIEW",
  scheduled: "SCHEDULED",
  withdrawn: "WITHDRAWN",
};

export const HAS_LIVE_REVISION = new Set<SyntheticState>(["published", "edited", "withdrawn"]);

export const isLive = (state: SyntheticState) => state === "published" || state === "edited";

const DAY = 86_400_000;

function content(article: SyntheticArticle, version: SyntheticContent): BulkContent {
  const body = renderBlocks(version.blocks);
  return {
    title: version.title,
    titleTags: article.titleTags,
    subtitle: "",
    author: article.author,
    source: article.source,
    summary: version.summary,
    bodyJson: body.bodyJson,
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    coverId: null,
    coverAlt: "",
    attachments: [],
    document: null,
  };
}

export function toBulkArticle(a: SyntheticArticle): BulkArticle {
  const editedAt = a.working && a.publishedAt ? new Date(a.publishedAt.getTime() + DAY) : null;
  const revisions = [{ content: content(a, a.live), createdAt: a.createdAt, note: "" }];
  if (a.working) revisions.push({ content: content(a, a.working), createdAt: editedAt!, note: "" });
  return {
    columnId: a.columnId,
    revisions,
    liveVersion: HAS_LIVE_REVISION.has(a.state) ? 1 : null,
    status: STATUS[a.state],
    live: isLive(a.state),
    pinned: false,
    headline: false,
    publishedAt: a.publishedAt,
    scheduledAt: a.scheduledAt,
    withdrawnAt: a.withdrawnAt,
    withdrawnReason: a.withdrawnReason,
    viewCount: a.viewCount,
    createdAt: a.createdAt,
    updatedAt: editedAt ?? a.publishedAt ?? a.createdAt,
  };
}
