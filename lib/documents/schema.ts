import { z } from "zod";
import { formatCalendarDate, formatDate } from "@/lib/format/date";
import { MAX_INTERPRETED } from "./interpretations";
import { VALIDITIES } from "./validity";
import { documentText } from "./text";

/**
 * 发文字号 as GB/T 9704 writes it: the organ's code, the year in 六角括号 〔〕, the serial
 * number and 号 — 乌府办发〔2023〕12号. Editors type the year in whatever brackets their
 * keyboard has: [] () （） 【】 ［］ are taken for 〔〕, and spaces are dropped.
 */
export function normalizeDocNo(value: string): string {
  return value
    .replace(/\s+/g, "")
    .replace(/[[(（【［〔]\s*(\d{4})\s*[\])）】］〕]/g, "〔$1〕");
}

export const DOC_NO_PATTERN = /^[\p{Script=Han}A-Za-z0-9]+〔\d{4}〕\d+号$/u;
export const DOC_NO_MESSAGE = "发文字号应形如“乌府办发〔2023〕12号”：机关代字、〔年份〕、序号和“号”";

/** The 发文字号 field: empty is none; otherwise normalized, then checked. */
export const docNoSchema = z
  .preprocess((v) => (typeof v === "string" ? normalizeDocNo(v) || null : v), z.string().max(100, "发文字号不能超过 100 字").regex(DOC_NO_PATTERN, DOC_NO_MESSAGE).nullable())
  .default(null);

/**
 * The documents an interpretation names, in order, without repeats. The editor sends its
 * choices ({ id, title, … }); only the ids are kept.
 */
export const interpretsSchema = z
  .array(z.union([z.number().int().positive(), z.object({ id: z.number().int().positive() }).transform((d) => d.id)]))
  .transform((ids) => [...new Set(ids)])
  .refine((ids) => ids.length <= MAX_INTERPRETED, documentText.errors.interpretsTooMany)
  .default([]);

export const interpretationKindSchema = z.enum(["TEXT", "GRAPHIC", "MEDIA", "EXPERT", "VIDEO", "PRESS"]).nullable().default(null);

export const validitySchema = z.enum(VALIDITIES, { message: "请选择有效性" }).default("VALID");

/** The document fields the rules below compare; dates as the article schema parses them. */
interface DocumentFields {
  writtenAt: Date | null;
  publishedAt: Date | null;
  validity: (typeof VALIDITIES)[number];
  validityDate: Date | null;
  replacedById: number | null;
  validUntil: Date | null;
  interprets: number[];
  interpretationKind: string | null;
  id?: number;
}

/**
 * The rules between fields, for the article schema's superRefine: each problem is
 * reported on the field the editor must change, so the message stands next to it.
 */
export function checkDocumentFields(f: DocumentFields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const written = f.writtenAt ? formatCalendarDate(f.writtenAt) : null;
  // 公开日期 is an instant; 成文日期 a calendar day: compare days in the display zone.
  if (written && f.publishedAt && written > formatDate(f.publishedAt)) issue("writtenAt", "成文日期不能晚于公开日期");
  if (f.validity !== "VALID" && !f.validityDate) issue("validityDate", documentText.errors.dateRequired);
  if (written && f.validityDate && formatCalendarDate(f.validityDate) < written) issue("validityDate", documentText.errors.validityDateBeforeWritten);
  if (written && f.validUntil && formatCalendarDate(f.validUntil) < written) issue("validUntil", documentText.errors.validUntilBeforeWritten);
  if (f.replacedById !== null && f.validity !== "AMENDED" && f.validity !== "REPEALED") issue("replacedById", documentText.errors.replacedByOnlyChanged);
  if (f.replacedById !== null && f.id !== undefined && f.replacedById === f.id) issue("replacedById", documentText.errors.replacedBySelf);
  if (f.id !== undefined && f.interprets.includes(f.id)) issue("interprets", documentText.errors.interpretsSelf);
  if (f.interprets.length > 0 && !f.interpretationKind) issue("interpretationKind", documentText.errors.interpretsNeedKind);
}
