import { z } from "zod";

const id = z.coerce.number().int().positive("记录不存在");

export const wordSchema = z
  .object({
    word: z.string().trim().min(1, "请输入词语").max(50, "词语不能超过 50 个字符"),
    blocking: z.boolean(),
    replacement: z.string().trim().max(50, "建议替换不能超过 50 个字符").default(""),
    note: z.string().trim().max(200, "说明不能超过 200 个字符").default(""),
  })
  .refine((w) => w.replacement !== w.word, { path: ["replacement"], message: "建议替换不能与词语相同" });

export const updateWordSchema = z.intersection(z.object({ id }), wordSchema);
export const deleteWordSchema = z.object({ id });

export type WordInput = z.output<typeof wordSchema>;
export type UpdateWordInput = z.output<typeof updateWordSchema>;
