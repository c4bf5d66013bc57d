import { formatDateTime } from "@/lib/format/date";

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
  publishedAt?: string | Date | null;
  pinned?: boolean;
  headline?: boolean;
  attachments?: { mediaId: number; name: string }[];
  indexNo?: string | null;
  topic?: string | null;
  issuingOrg?: string | null;
  writtenAt?: string | Date | null;
  docNo?: string | null;
}

export interface FieldLookups {
  columnName?: (id: number) => string | undefined;
  mediaName?: (id: number) => string | undefined;
}

const LABELS: Record<keyof ComparableContent, string> = {
  title: "标题",
  titleTags: "标题标签",
  subtitle: "副标题",
  columnId: "栏目",
  author: "作者",
  source: "来源",
  summary: "摘要",
  coverId: "封面图片",
  publishedAt: "公开日期",
  pinned: "置顶",
  headline: "头条",
  attachments: "附件",
  indexNo: "索引号",
  topic: "主题分类",
  issuingOrg: "发布机构",
  writtenAt: "成文日期",
  docNo: "发文字号",
};

function show(field: keyof ComparableContent, value: unknown, lookups: FieldLookups): string {
  if (value === null || value === undefined || value === "") return "";
  switch (field) {
    case "titleTags":
      return (value as string[]).map((t) => `【${t}】`).join("");
    case "columnId":
      return lookups.columnName?.(value as number) ?? `栏目 #${value}`;
    case "coverId":
      return lookups.mediaName?.(value as number) ?? `图片 #${value}`;
    case "publishedAt":
      return formatDateTime(new Date(value as string));
    case "writtenAt":
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    case "pinned":
    case "headline":
      return value ? "是" : "否";
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
