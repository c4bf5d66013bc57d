import { z } from "zod";
import { topicText } from "./text";

const E = topicText.errors;
const id = z.coerce.number().int().positive("记录不存在");

export const topicName = z.string().trim().min(1, E.nameRequired).max(100, E.nameTooLong);

export const createTopicSchema = z.object({ name: topicName });
export const renameTopicSchema = z.object({ id, name: topicName });
export const moveTopicSchema = z.object({ id, direction: z.enum(["up", "down"]) });
export const deleteTopicSchema = z.object({ id });

export type RenameTopicInput = z.output<typeof renameTopicSchema>;
export type MoveTopicInput = z.output<typeof moveTopicSchema>;
