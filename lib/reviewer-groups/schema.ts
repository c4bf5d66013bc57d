import { z } from "zod";

const id = z.coerce.number().int().positive("审核组不存在");
const name = z.string().trim().min(1, "请输入审核组名称").max(30, "审核组名称不能超过 30 个字符");
const userIds = z.array(z.coerce.number().int().positive()).max(200).default([]);

export const reviewerGroupFieldsSchema = z.object({ name, userIds });
export const createReviewerGroupSchema = reviewerGroupFieldsSchema;
export const updateReviewerGroupSchema = reviewerGroupFieldsSchema.extend({ id });
export const deleteReviewerGroupSchema = z.object({ id });

export type ReviewerGroupInput = z.output<typeof reviewerGroupFieldsSchema>;
export type UpdateReviewerGroupInput = z.output<typeof updateReviewerGroupSchema>;
