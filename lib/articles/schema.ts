import { z } from "zod";
import { checkDocumentFields, docNoSchema, interpretationKindSchema, interpretsSchema, validitySchema } from "@/lib/documents/schema";
import { richTextDocSchema } from "@/lib/sanitize/tiptap-schema";
import { pendingImageCount, withoutUnusableImages } from "./editor-model";

/** What the editor sends, validated by every article action. */
const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 字`);
const optionalText = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), text(max, label).nullable()).default(null);

const nullableDateTime = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.coerce.date({ message: "日期时间格式不正确" }).nullable(),
);

const calendarDate = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
    .transform((s) => new Date(`${s}T00:00:00Z`))
    .refine((d) => !Number.isNaN(d.getTime()), "日期无效")
    .nullable(),
);

export const attachmentRefSchema = z.object({
  mediaId: z.number().int().positive(),
  name: z.string().trim().min(1, "附件名称不能为空").max(200, "附件名称不能超过 200 字"),
});

/** The fields alone; the rules between them (lib/documents/schema.ts) are added below. */
const articleFieldsSchema = z.object({
  title: z.string().trim().min(1, "请填写标题").max(200, "标题不能超过 200 字"),
  titleTags: z.array(z.string().trim().min(1).max(20, "标题标签不能超过 20 字")).max(5, "标题标签最多 5 个").default([]),
  subtitle: text(200, "副标题").default(""),
  columnId: z.number({ message: "请选择栏目" }).int().positive("请选择栏目"),
  author: text(100, "作者").default(""),
  source: text(100, "来源").default(""),
  summary: text(500, "摘要").default(""),
  bodyJson: richTextDocSchema.transform(withoutUnusableImages).refine((doc) => pendingImageCount(doc) === 0, "还有图片正在上传，请稍候再保存。"),
  coverId: z.number().int().positive().nullable().default(null),
  publishedAt: nullableDateTime.default(null),
  pinned: z.boolean().default(false),
  headline: z.boolean().default(false),
  attachments: z.array(attachmentRefSchema).max(30, "附件最多 30 个").default([]),
  indexNo: optionalText(100, "索引号"),
  topic: optionalText(100, "主题分类"),
  issuingOrg: optionalText(100, "发布机构"),
  writtenAt: calendarDate.default(null),
  docNo: docNoSchema,
  validity: validitySchema,
  validityDate: calendarDate.default(null),
  replacedById: z.number().int().positive().nullable().default(null),
  validUntil: calendarDate.default(null),
  interprets: interpretsSchema,
  interpretationKind: interpretationKindSchema,
});

export const articleContentSchema = articleFieldsSchema.superRefine(checkDocumentFields);
export type ArticleContentInput = z.input<typeof articleContentSchema>;
export type ArticleContent = z.output<typeof articleContentSchema>;

export const createArticleSchema = articleContentSchema;

export const saveArticleSchema = articleFieldsSchema
  .extend({
    id: z.number().int().positive(),
    /** The version the editor's copy started from: the save is refused if the article moved on. */
    baseVersion: z.number().int().positive(),
    autosave: z.boolean().default(false),
  })
  .superRefine(checkDocumentFields);
export type SaveArticleInput = z.input<typeof saveArticleSchema>;

export const articleIdSchema = z.object({ id: z.number().int().positive() });

export const restoreRevisionSchema = z.object({
  articleId: z.number().int().positive(),
  revisionId: z.number().int().positive(),
  baseVersion: z.number().int().positive(),
});

const STATUSES = ["DRAFT", "IN_REVIEW", "APPROVED", "SCHEDULED", "PUBLISHED", "WITHDRAWN"] as const;
export const ADMIN_SORTS = ["relevance", "updatedAt", "createdAt", "publishedAt", "title", "viewCount"] as const;

type AdminDateField = "updatedAt" | "publishedAt" | "createdAt";

/**
 * A search is listed best match first unless another order is chosen; a list narrowed to
 * days of one date, by that date (what the editor asked about, and at a million articles
 * the order its index serves: sorted by another date, the list would pass over every
 * article outside the days to find a page); the plain list, last changed first.
 */
export function defaultAdminSort(filter: { q?: string; dateField?: AdminDateField; from?: string; to?: string }): (typeof ADMIN_SORTS)[number] {
  if (filter.q) return "relevance";
  return filter.from || filter.to ? (filter.dateField ?? "updatedAt") : "updatedAt";
}
export const ADMIN_PAGE_SIZE = 20;

const optionalId = z.coerce.number().int().positive().optional().catch(undefined);
const optionalDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/**
 * The article list's filters, read from the URL. Anything malformed falls back to
 * its default instead of failing the page: a hand-edited link still shows a list.
 */
export const adminListFilterSchema = z
  .object({
    q: z.string().trim().max(100).optional().catch(undefined),
    column: optionalId,
    status: z.enum(STATUSES).optional().catch(undefined),
    author: optionalId,
    dateField: z.enum(["updatedAt", "publishedAt", "createdAt"]).default("updatedAt").catch("updatedAt"),
    from: optionalDay,
    to: optionalDay,
    sort: z.enum(ADMIN_SORTS).optional().catch(undefined),
    dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  })
  .transform((f) => {
    const q = f.q || undefined;
    // Relevance needs a query: without one the list falls back to its usual order.
    const sort = f.sort && (f.sort !== "relevance" || q) ? f.sort : defaultAdminSort({ ...f, q });
    return { ...f, q, sort };
  });
export type AdminListFilter = z.output<typeof adminListFilterSchema>;
