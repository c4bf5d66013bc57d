import "server-only";
import { ActionError } from "@/lib/actions/errors";
import type { ArticleScope } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/client";
import { DEFAULT_INDEX_NO_PATTERN, indexNoProblem } from "@/lib/documents/index-no";
import { documentText } from "@/lib/documents/text";
import { storedValidityOf } from "@/lib/documents/validity";
import { mediaVisibleTo, type MediaViewer } from "@/lib/media/access";
import { listCheckWords } from "@/lib/words/queries";
import { findWords, summarizeMatches } from "@/lib/words/match";
import { everPublished } from "./admin-queries";
import { prepareBody } from "./body";
import { stableJson, type SaveResult } from "./editor-model";
import type { Placement } from "./placement";
import type { ArticleContent } from "./schema";

/**
 * From validated editor input to the rows a save writes: the content both the working
 * copy and its revision hold, the article-only fields, and the attachment list —
 * with every referenced column and media item checked to exist. The cover and the
 * attachments must also be media the author may see (lib/media/access.ts): they are
 * chosen by id, and an id is a guessable number — an article referring to another
 * column's draft attachment would otherwise hand it to its author (and, once
 * published, to everyone). Media already on the article are visible to whoever may
 * edit it, so saving keeps what others attached.
 */
export async function prepareContent(tx: Prisma.TransactionClient, input: ArticleContent, actor: MediaViewer) {
  let body;
  try {
    body = prepareBody(input.bodyJson);
  } catch {
    throw new ActionError("invalid", "正文包含编辑器无法识别的内容，请检查后再保存。", { fieldErrors: { bodyJson: ["正文格式无效"] } });
  }
  const column = await tx.column.findUnique({ where: { id: input.columnId }, select: { id: true } });
  if (!column) throw new ActionError("invalid", "所选栏目不存在，请重新选择。", { fieldErrors: { columnId: ["栏目不存在"] } });
  if (input.replacedById !== null) {
    const replacement = await tx.article.findUnique({ where: { id: input.replacedById }, select: { id: true } });
    if (!replacement) throw new ActionError("invalid", documentText.errors.replacedByMissing, { fieldErrors: { replacedById: [documentText.errors.replacedByMissing] } });
  }
  if (input.interprets.length) {
    const found = await tx.article.count({ where: { id: { in: input.interprets } } });
    if (found !== input.interprets.length) throw new ActionError("invalid", documentText.errors.interpretsMissing, { fieldErrors: { interprets: [documentText.errors.interpretsMissing] } });
  }
  const settings = await tx.siteSettings.findUnique({ where: { id: 1 }, select: { indexNoPattern: true } });
  const indexNoError = indexNoProblem(input.indexNo, settings?.indexNoPattern ?? DEFAULT_INDEX_NO_PATTERN);
  if (indexNoError) throw new ActionError("invalid", indexNoError, { fieldErrors: { indexNo: [indexNoError] } });
  let coverAlt = "";
  if (input.coverId !== null) {
    const cover = await tx.media.findFirst({ where: { AND: [{ id: input.coverId }, mediaVisibleTo(actor)] }, select: { kind: true, alt: true } });
    if (cover?.kind !== "IMAGE") throw new ActionError("invalid", "封面图片不存在，请重新选择。", { fieldErrors: { coverId: ["封面不存在"] } });
    coverAlt = cover.alt;
  }
  const attachments = dedupeAttachments(input.attachments);
  if (attachments.length) {
    const found = await tx.media.count({ where: { AND: [{ id: { in: attachments.map((a) => a.mediaId) }, kind: "ATTACHMENT" }, mediaVisibleTo(actor)] } });
    if (found !== attachments.length) throw new ActionError("invalid", "有附件已不存在，请移除后重新上传。", { fieldErrors: { attachments: ["附件不存在"] } });
  }
  const content = {
    title: input.title,
    titleTags: [...new Set(input.titleTags)],
    subtitle: input.subtitle,
    author: input.author,
    source: input.source,
    summary: input.summary,
    bodyJson: body.bodyJson as Prisma.InputJsonValue,
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    coverId: input.coverId,
    indexNo: input.indexNo,
    topic: input.topic,
    issuingOrg: input.issuingOrg,
    writtenAt: input.writtenAt,
    docNo: input.docNo,
    ...storedValidityOf(input),
    interpretationKind: input.interpretationKind,
  };
  const placement: Placement = { columnId: input.columnId, publishedAt: input.publishedAt, pinned: input.pinned, headline: input.headline };
  // The revision keeps the cover's alt text as it is now: the live page shows what was reviewed.
  // The documents it interprets are rows of the revision (DocumentInterpretation), like its attachments.
  return { content, placement, attachments, coverAlt, interprets: input.interprets };
}

export type PreparedContent = Awaited<ReturnType<typeof prepareContent>>;

function dedupeAttachments(list: ArticleContent["attachments"]) {
  const seen = new Set<number>();
  return list.filter((a) => !seen.has(a.mediaId) && seen.add(a.mediaId));
}

/** Does a save change nothing? Then it writes no revision (autosave of an untouched copy). */
export function sameContent(
  stored: Record<string, unknown> & { attachments: { mediaId: number; name: string }[]; interprets: number[] },
  next: PreparedContent,
): boolean {
  const { bodyHtml: _h, bodyText: _t, ...content } = next.content;
  const fields = { ...content, ...next.placement };
  return (
    Object.entries(fields).every(([k, v]) => stableJson(stored[k] ?? null) === stableJson(v ?? null)) &&
    stableJson(stored.attachments.map(({ mediaId, name }) => ({ mediaId, name }))) === stableJson(next.attachments) &&
    stableJson(stored.interprets) === stableJson(next.interprets)
  );
}

export function scopeOf(row: { columnId: number; createdById: number; status: ArticleScope["status"]; liveRevisionId: number | null; withdrawnAt: Date | null; live: boolean }): ArticleScope {
  return { columnId: row.columnId, createdById: row.createdById, status: row.status, everPublished: everPublished(row) };
}

/** The 敏感词 / 错别字 found in what was saved, for the editor to show (the submit check blocks). */
export async function wordsIn(content: { title: string; subtitle: string; summary: string; bodyText: string }): Promise<SaveResult["words"]> {
  const words = await listCheckWords();
  const text = [content.title, content.subtitle, content.summary, content.bodyText].join("\n");
  return summarizeMatches(findWords(text, words)).map(({ word, blocking, replacement, count }) => ({ word, blocking, replacement, count }));
}
