import { z } from "zod";

const articleId = z.coerce.number().int().positive();
const comment = z.string().trim().max(1000, "意见不能超过 1000 字。");

const when = z.coerce.date({ error: "请选择有效的发布时间。" });

/** 拟发布时间 is optional: the last approver decides in any case. */
export const submitSchema = z.object({ articleId, comment: comment.optional(), proposedPublishAt: when.optional() });
export const recallSchema = z.object({ articleId, comment: comment.optional() });
/** The version the reviewer read: the approval is refused if the article changed since. */
export const approveSchema = z
  .object({
    articleId,
    version: z.coerce.number().int().positive(),
    comment: comment.optional(),
    /** Only for the approval that passes the last level: publish now, or schedule at `scheduledAt`. */
    then: z.enum(["publish", "schedule"]).optional(),
    scheduledAt: when.optional(),
  })
  .refine((v) => v.then !== "schedule" || v.scheduledAt, { message: "请选择发布时间。", path: ["scheduledAt"] });
export const rejectSchema = z.object({ articleId, comment: comment.min(1, "请填写退回意见。") });
export const sendBackSchema = rejectSchema;
export const publishSchema = z.object({
  articleId,
  correction: z.string().trim().max(1000, "更正说明不能超过 1000 字。").optional(),
});
export const scheduleSchema = z.object({ articleId, scheduledAt: when });
export const unscheduleSchema = z.object({ articleId });
export const withdrawSchema = z.object({ articleId, reason: comment.min(1, "请填写撤稿原因。") });
