import "server-only";
import { ActionError } from "@/lib/actions/errors";
import { auditBy, type AuditActor } from "@/lib/audit/by";
import { changedFields } from "@/lib/audit/diff";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { UpdateWordInput, WordInput } from "./schema";

const duplicate = (word: string) =>
  new ActionError("conflict", `“${word}”已在词库中。`, { fieldErrors: { word: ["该词已在词库中"] } });
const missing = () => new ActionError("not_found", "该词已被删除，请刷新页面。");

export async function createWord(input: WordInput, actor: AuditActor) {
  try {
    return await db().$transaction(async (tx) => {
      const word = await tx.sensitiveWord.create({ data: input });
      await auditBy(actor, { action: "word.create", targetType: "word", targetId: word.id, detail: { ...input } }, tx);
      return word;
    });
  } catch (error) {
    if (isUniqueViolation(error, "word")) throw duplicate(input.word);
    throw error;
  }
}

export async function updateWord({ id, ...input }: UpdateWordInput, actor: AuditActor) {
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.sensitiveWord.findUnique({ where: { id } });
      if (!before) throw missing();
      const word = await tx.sensitiveWord.update({ where: { id }, data: input });
      await auditBy(
        actor,
        { action: "word.update", targetType: "word", targetId: id, detail: { changes: changedFields(before, input) } },
        tx,
      );
      return word;
    });
  } catch (error) {
    if (isUniqueViolation(error, "word")) throw duplicate(input.word);
    throw error;
  }
}

export async function deleteWord(id: number, actor: AuditActor) {
  await db().$transaction(async (tx) => {
    const before = await tx.sensitiveWord.findUnique({ where: { id } });
    if (!before) throw missing();
    await tx.sensitiveWord.delete({ where: { id } });
    const { word, blocking, replacement, note } = before;
    await auditBy(actor, { action: "word.delete", targetType: "word", targetId: id, detail: { word, blocking, replacement, note } }, tx);
  });
}
