import crypto from "node:crypto";
import { prepareBody } from "@/lib/articles/body";
import { db } from "@/lib/db/client";
import type { RichTextNode } from "@/lib/sanitize/tiptap";

/**
 * Public-site fixtures for integration tests: articles in each state the public rule
 * distinguishes, written straight to the throwaway database (the workflow has its own
 * tests; these only need the resulting rows).
 */
/** "future": live, but with a 公开日期 still to come — not public until then. */
export type PublicState = "published" | "draft" | "scheduled" | "withdrawn" | "future";

export interface ArticleFixture {
  columnId: number;
  authorId: number;
  state?: PublicState;
  title?: string;
  titleTags?: string[];
  publishedAt?: Date;
  pinned?: boolean;
  headline?: boolean;
  doc?: RichTextNode;
  /** The cover chosen for the article (a media id), on the working copy and its revision. */
  coverId?: number | null;
  attachments?: { mediaId: number; name: string }[];
}

const STATUS = { published: "PUBLISHED", draft: "DRAFT", scheduled: "SCHEDULED", withdrawn: "WITHDRAWN", future: "PUBLISHED" } as const;
const TOMORROW = () => new Date(Date.now() + 86_400_000);

export async function createArticle(f: ArticleFixture) {
  const state = f.state ?? "published";
  const body = prepareBody(f.doc ?? { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "正文。" }] }] });
  const content = {
    title: f.title ?? `文章${crypto.randomBytes(3).toString("hex")}`,
    titleTags: f.titleTags ?? [],
    subtitle: "",
    author: "市政府办公室",
    source: "乌海新闻",
    summary: "摘要",
    bodyJson: body.bodyJson as object,
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    coverId: f.coverId ?? null,
  };
  const publishedAt = f.publishedAt ?? new Date(Date.now() - 60_000);
  const row = await db().article.create({
    data: { ...content, columnId: f.columnId, createdById: f.authorId, updatedById: f.authorId, pinned: f.pinned ?? false, headline: f.headline ?? false },
  });
  // As a save does: the revision keeps the cover's alt text of the moment.
  const coverAlt = f.coverId ? ((await db().media.findUnique({ where: { id: f.coverId }, select: { alt: true } }))?.alt ?? "") : "";
  const revision = await db().articleRevision.create({
    data: { ...content, coverAlt, articleId: row.id, version: 1, authorId: f.authorId, attachments: (f.attachments ?? []) as object },
  });
  const wasPublic = state === "published" || state === "withdrawn" || state === "future";
  return db().article.update({
    where: { id: row.id },
    data: {
      status: STATUS[state],
      live: state === "published" || state === "future",
      liveRevisionId: wasPublic ? revision.id : null,
      publishedAt: state === "draft" ? null : state === "scheduled" || state === "future" ? TOMORROW() : publishedAt,
      scheduledAt: state === "scheduled" ? TOMORROW() : null,
      withdrawnAt: state === "withdrawn" ? new Date() : null,
      withdrawnReason: state === "withdrawn" ? "信息有误" : null,
    },
  });
}
