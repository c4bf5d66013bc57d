import type { DocumentChoice } from "@/lib/documents/interpretations";
import { classifyImageSrc } from "@/lib/paste/image-sources";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";

/**
 * The article as the editor holds it, and the small pure helpers both the editor (in
 * the browser) and the server use. Nothing here may pull server code into the bundle.
 */

/** Images still on their way to the server (pasted, dropped) have a blob: or a data: image source. */
export function pendingImageCount(doc: RichTextNode): number {
  let count = 0;
  const walk = (n: RichTextNode) => {
    if (n.type === "image" && classifyImageSrc(n.attrs?.src).kind === "upload") count++;
    n.content?.forEach(walk);
  };
  walk(doc);
  return count;
}

/**
 * The body without the pictures whose address nothing can read (a file on another
 * computer, a relative path, a damaged data: URL): the editor drops them with a notice
 * when they arrive; should one reach a save anyway, it must not block that save for ever.
 * A container left empty gets an empty paragraph, as the schema wants (a table cell).
 */
export function withoutUnusableImages(doc: RichTextNode): RichTextNode {
  const unusable = (n: RichTextNode) => n.type === "image" && classifyImageSrc(n.attrs?.src).kind === "unusable";
  const walk = (n: RichTextNode): RichTextNode => {
    if (!n.content) return n;
    const content = n.content.filter((c) => !unusable(c)).map(walk);
    return { ...n, content: content.length || !n.content.length ? content : [{ type: "paragraph" }] };
  };
  return walk(doc);
}

/** Images without a description: the editor asks for one, reviewers see the list. */
export function imagesMissingAlt(doc: RichTextNode): number {
  let count = 0;
  const walk = (n: RichTextNode) => {
    if (n.type === "image" && !String(n.attrs?.alt ?? "").trim()) count++;
    n.content?.forEach(walk);
  };
  walk(doc);
  return count;
}

/**
 * The article as the editor holds it: the saved fields in the shape the form edits
 * (dates as strings), plus what the editor shows about it.
 */
export interface EditorArticle {
  id: number | null;
  version: number;
  status: "DRAFT" | "IN_REVIEW" | "APPROVED" | "SCHEDULED" | "PUBLISHED" | "WITHDRAWN";
  live: boolean;
  title: string;
  titleTags: string[];
  subtitle: string;
  columnId: number | null;
  author: string;
  source: string;
  summary: string;
  bodyJson: RichTextNode;
  coverId: number | null;
  /** ISO date-time or null. */
  publishedAt: string | null;
  pinned: boolean;
  headline: boolean;
  attachments: { mediaId: number; name: string }[];
  indexNo: string;
  topic: string;
  issuingOrg: string;
  /** YYYY-MM-DD or "". */
  writtenAt: string;
  docNo: string;
  validity: "VALID" | "AMENDED" | "REPEALED" | "EXPIRED";
  /** YYYY-MM-DD or "". */
  validityDate: string;
  replacedById: number | null;
  /** YYYY-MM-DD or "". */
  validUntil: string;
  /** For an interpretation: its kind and the documents it interprets (saved as their ids). */
  interpretationKind: "TEXT" | "GRAPHIC" | "MEDIA" | "EXPERT" | "VIDEO" | "PRESS" | null;
  interprets: DocumentChoice[];
  updatedAt: string | null;
  updatedBy: string;
}

/** The fields a save sends, from the editor's copy. */
export const EDITABLE_FIELDS = [
  "title", "titleTags", "subtitle", "columnId", "author", "source", "summary", "bodyJson", "coverId", "publishedAt",
  "pinned", "headline", "attachments", "indexNo", "topic", "issuingOrg", "writtenAt", "docNo",
  "validity", "validityDate", "replacedById", "validUntil", "interpretationKind", "interprets",
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type EditableContent = Pick<EditorArticle, EditableField>;

export function editableContent(a: EditorArticle): EditableContent {
  const out = {} as Record<EditableField, unknown>;
  for (const f of EDITABLE_FIELDS) out[f] = a[f];
  return out as EditableContent;
}

/** What a save answers. */
export interface SaveResult {
  id: number;
  version: number;
  savedAt: string;
  status: EditorArticle["status"];
  /** Nothing differed from the stored copy: no new revision was written. */
  unchanged: boolean;
  /** An approved / published / scheduled / withdrawn article went back to draft: it must be reviewed again. */
  backToDraft: boolean;
  /** An article in review was changed: its review round began again, earlier approvals are void. */
  reviewRestarted?: boolean;
  /** 敏感词 / 错别字 found in the saved text (blocking first). */
  words: { word: string; blocking: boolean; replacement: string; count: number }[];
}

/** Sent with a "conflict" refusal: the stored copy, so the editor can show the difference. */
export interface ConflictDetails {
  current: EditorArticle;
}

/** JSON with sorted keys: PostgreSQL's jsonb does not keep the key order the editor sent. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : value);
}
