import { z } from "zod";

export const markReadSchema = z.object({ id: z.coerce.number().int().positive("消息不存在") });
export const markAllReadSchema = z.object({});
export const messageMailSchema = z.object({ messageMail: z.boolean() });
