import { z } from "zod";
import { REPORT_CATEGORIES } from "./report-category";

const id = z.coerce.number().int().positive("栏目不存在");

/** Part of public URLs (/columns/<slug>): lowercase letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const name = z.string().trim().min(1, "请输入栏目名称").max(30, "栏目名称不能超过 30 个字符");
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "请输入栏目地址")
  .max(60, "栏目地址不能超过 60 个字符")
  .regex(SLUG_PATTERN, "栏目地址只能包含小写字母、数字和连字符（-），且不能以连字符开头或结尾");
const description = z.string().trim().max(500, "栏目说明不能超过 500 个字符").default("");
const parentId = z.coerce.number().int().positive().nullable().default(null);
const reviewLevels = z.coerce
  .number({ message: "请选择审核级数" })
  .int()
  .min(1, "审核级数为 1 至 3 级")
  .max(3, "审核级数为 1 至 3 级");

/** 年度报表 category; empty: not counted under any (a container column). */
const reportCategory = z
  .enum(REPORT_CATEGORIES.map((c) => c.value) as [ReportCategoryValue, ...ReportCategoryValue[]], { message: "请选择栏目类别" })
  .nullable()
  .default(null);
/** Days within which the column must get a new article (站点体检); empty: the category's default. */
export const MAX_UPDATE_EVERY_DAYS = 3660;
const updateEveryDays = z.coerce
  .number({ message: "更新周期应为天数" })
  .int("更新周期应为整天数")
  .min(1, "更新周期至少 1 天")
  .max(MAX_UPDATE_EVERY_DAYS, `更新周期不能超过 ${MAX_UPDATE_EVERY_DAYS} 天`)
  .nullable()
  .default(null);

type ReportCategoryValue = (typeof REPORT_CATEGORIES)[number]["value"];
/** Who reviews one level (lib/workflow/reviewers.ts): users, a group, or both; nobody named: any reviewer of the column. */
const levelReviewers = z.object({
  level: z.coerce.number().int().min(1).max(3),
  mode: z.enum(["ANY", "ALL"]).default("ANY"),
  groupId: z.coerce.number().int().positive().nullable().default(null),
  userIds: z.array(z.coerce.number().int().positive()).max(50, "每级最多指定 50 人").default([]),
});

export const columnFieldsSchema = z.object({
  name,
  slug,
  description,
  parentId,
  reviewLevels,
  /** Left out: the named reviewers stay as they are (a form without them must not clear them). */
  levelReviewers: z.array(levelReviewers).max(3).optional(),
  hidden: z.boolean().default(false),
  reportCategory,
  updateEveryDays,
});

export const createColumnSchema = columnFieldsSchema;
export const updateColumnSchema = columnFieldsSchema.extend({ id });
export const reorderColumnSchema = z.object({ id, direction: z.enum(["up", "down"]) });
export const setColumnHiddenSchema = z.object({ id, hidden: z.boolean() });
export const deleteColumnSchema = z.object({ id });

export type ColumnInput = z.output<typeof columnFieldsSchema>;
export type LevelReviewersInput = z.output<typeof levelReviewers>;
export type UpdateColumnInput = z.output<typeof updateColumnSchema>;
export type ReorderColumnInput = z.output<typeof reorderColumnSchema>;
