"use server";

import { action } from "@/lib/actions/safe-action";
import { createTopic, deleteTopic, moveTopic, renameTopic } from "./mutations";
import { createTopicSchema, deleteTopicSchema, moveTopicSchema, renameTopicSchema } from "./schema";

// Each mutation refreshes the 政府信息公开目录 itself (its filter lists the themes).

export const createTopicAction = action({ name: "topic.create", roles: ["ADMIN"], schema: createTopicSchema }, async ({ name }, { user }) => {
  const topic = await createTopic(name, user);
  return { id: topic.id };
});

export const renameTopicAction = action({ name: "topic.update", roles: ["ADMIN"], schema: renameTopicSchema }, async (input, { user }) => {
  await renameTopic(input, user);
  return { id: input.id };
});

export const moveTopicAction = action({ name: "topic.move", roles: ["ADMIN"], schema: moveTopicSchema }, async (input, { user }) => {
  await moveTopic(input, user);
  return { id: input.id };
});

export const deleteTopicAction = action({ name: "topic.delete", roles: ["ADMIN"], schema: deleteTopicSchema }, async ({ id }, { user }) => {
  await deleteTopic(id, user);
  return { id };
});
