import type { DocumentValidity, InterpretationKind } from "@/generated/prisma/enums";
import { documentChoiceLabel, interpretationKindLabel } from "@/lib/documents/interpretations";
import { documentText } from "@/lib/documents/text";
import { validityLabel } from "@/lib/documents/validity";
import { formatDateTime } from "@/lib/format/date";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

/** How each compared field reads in a diff, from the editor's copy or a revision. */
export interface ComparableContent {
  title?: string;
  titleTags?: string[];
  subtitle?: string;
  columnId?: number | null;
  author?: string;
  source?: string;
  summary?: string;
  coverId?: number | null;
  /** The cover's alt text saved with a revision (the public sees the live revision's). */
  coverAlt?: string;
  publishedAt?: string | Date | null;
  pinned?: boolean;
  headline?: boolean;
  attachments?: { mediaId: number; name: string }[];
  indexNo?: string | null;
  topic?: string | null;
  issuingOrg?: string | null;
  writtenAt?: string | Date | null;
  docNo?: string | null;
  validity?: DocumentValidity;
  validityDate?: string | Date | null;
  replacedById?: number | null;
  validUntil?: string | Date | null;
  interpretationKind?: InterpretationKind | null;
  interprets?: { title: string; docNo: string | null }[];
}

export interface FieldLookups {
  columnName?: (id: number) => string | undefined;
  mediaName?: (id: number) => string | undefined;
}

const a = t.articlesAdmin;
const LABELS: Record<keyof ComparableContent, string> = {
  title: a.title,
  titleTags: a.titleTags,
  subtitle: a.subtitle,
  columnId: a.column,
  author: a.author,
  source: a.source,
  summary: a.summary,
  coverId: a.cover,
  coverAlt: a.coverAlt,
  publishedAt: a.publishedAt,
  pinned: a.pinned,
  headline: a.headline,
  attachments: a.attachments,
  indexNo: a.indexNo,
  topic: a.topic,
  issuingOrg: a.issuingOrg,
  writtenAt: a.writtenAt,
  docNo: a.docNo,
  validity: documentText.validity,
  validityDate: documentText.validityDate,
  replacedById: documentText.replacedBy,
  validUntil: documentText.validUntil,
  interpretationKind: documentText.interpretationKind,
  interprets: documentText.interprets,
};

function show(field: keyof ComparableContent, value: unknown, lookups: FieldLookups): string {
  if (value === null || value === undefined || value === "") return "";
  switch (field) {
    case "titleTags":
      return (value as string[]).map((t) => `【${t}】`).join("");
    case "columnId":
      return lookups.columnName?.(value as number) ?? fill(a.diffColumnId, { id: value as number });
    case "coverId":
      return lookups.mediaName?.(value as number) ?? fill(a.diffMediaId, { id: value as number });
    case "publishedAt":
      return formatDateTime(new Date(value as string));
    case "validity":
      return validityLabel(value as DocumentValidity);
    case "interpretationKind":
      return interpretationKindLabel(value as InterpretationKind);
    case "interprets":
      return (value as { title: string; docNo: string | null }[]).map(documentChoiceLabel).join("\n");
    case "replacedById":
      return fill(a.diffArticleId, { id: value as number });
    case "writtenAt":
    case "validityDate":
    case "validUntil":
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    case "pinned":
    case "headline":
      return value ? a.yes : a.no;
    case "attachments":
      return (value as { name: string }[]).map((a) => a.name).join("\n");
    default:
      return String(value);
  }
}

/** Only the fields the content has: a revision has no column or 公开日期 of its own. */
export function displayFields(content: ComparableContent, lookups: FieldLookups = {}): Record<string, { label: string; value: string }> {
  const out: Record<string, { label: string; value: string }> = {};
  for (const field of Object.keys(LABELS) as (keyof ComparableContent)[]) {
    if (!(field in content)) continue;
    out[field] = { label: LABELS[field], value: show(field, content[field], lookups) };
  }
  return out;
}
