"use server";

import { action } from "@/lib/actions/safe-action";
import { createWord, deleteWord, updateWord } from "./mutations";
import { deleteWordSchema, updateWordSchema, wordSchema } from "./schema";

// The word list changes no public page: the check reads it on every save and submit.

export const createWordAction = action({ name: "word.create", roles: ["ADMIN"], schema: wordSchema }, async (input, { user }) => {
  const word = await createWord(input, user);
  return { id: word.id };
});

export const updateWordAction = action({ name: "word.update", roles: ["ADMIN"], schema: updateWordSchema }, async (input, { user }) => {
  await updateWord(input, user);
  return { id: input.id };
});

export const deleteWordAction = action({ name: "word.delete", roles: ["ADMIN"], schema: deleteWordSchema }, async ({ id }, { user }) => {
  await deleteWord(id, user);
  return { id };
});
