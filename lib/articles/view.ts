import type { DocumentView } from "@/lib/documents/validity";

/**
 * What an article page shows, as a plain object: the public page builds it from the
 * live revision, the admin preview from the working copy. Components take this, never
 * a Prisma row, so that both render through the one <ArticleView>.
 */

export interface AttachmentView {
  name: string;
  href: string;
  /** e.g. application/pdf */
  mimeType: string;
  /** Bytes. */
  size: number;
}

/** 政务公开 metadata: shown as a table above the title when any field is set. */
export interface DisclosureView {
  /** 索引号 */
  indexNo: string | null;
  /** 主题分类 */
  topic: string | null;
  /** 发布机构 */
  issuingOrg: string | null;
  /** 成文日期 (a calendar date stored at UTC midnight) */
  writtenAt: Date | null;
  /** 发文字号 */
  docNo: string | null;
}

export interface CorrectionView {
  note: string;
  createdAt: Date;
}

export interface ArticleViewData {
  /** Null for an article that was never saved (preview of a new draft). */
  id: number | null;
  title: string;
  /** Rendered as 【tag】 before the title. */
  titleTags: string[];
  subtitle: string;
  author: string;
  source: string;
  /** 公开日期; null while the article was never published (preview). */
  publishedAt: Date | null;
  viewCount: number;
  /** Sanitized HTML made on the server (lib/articles/body.ts): the only HTML rendered. */
  bodyHtml: string;
  attachments: AttachmentView[];
  disclosure: DisclosureView | null;
  /** 有效性 of a policy document (absent or null for other articles). */
  document?: DocumentView | null;
  corrections: CorrectionView[];
}

/** The disclosure block, or null when the article has none of its fields. */
export function disclosureOf(content: {
  indexNo: string | null;
  topic: string | null;
  issuingOrg: string | null;
  writtenAt: Date | null;
  docNo: string | null;
}): DisclosureView | null {
  const { indexNo, topic, issuingOrg, writtenAt, docNo } = content;
  const any = [indexNo, topic, issuingOrg, docNo].some((v) => v && v.trim()) || writtenAt !== null;
  return any ? { indexNo, topic, issuingOrg, writtenAt, docNo } : null;
}

/** Attachment references as a revision stores them: [{ mediaId, name }] in display order. */
export interface AttachmentRef {
  mediaId: number;
  name: string;
}

export function parseAttachmentRefs(value: unknown): AttachmentRef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const ref = item as Partial<AttachmentRef> | null;
    if (!ref || typeof ref.mediaId !== "number" || !Number.isInteger(ref.mediaId)) return [];
    return [{ mediaId: ref.mediaId, name: typeof ref.name === "string" ? ref.name : "" }];
  });
}
