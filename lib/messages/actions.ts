"use server";

import { action } from "@/lib/actions/safe-action";
import { markAllMessagesRead, markMessageRead, setMessageMail } from "./mutations";
import { markAllReadSchema, markReadSchema, messageMailSchema } from "./schema";

const STAFF = ["ADMIN", "REVIEWER", "EDITOR"] as const;

// Every action acts on the session user's own messages only: the user id comes from the session, never from the form.

export const markMessageReadAction = action({ name: "message.read", roles: STAFF, schema: markReadSchema }, async ({ id }, { user }) => {
  await markMessageRead(user.id, id);
  return { id };
});

export const markAllMessagesReadAction = action({ name: "message.read-all", roles: STAFF, schema: markAllReadSchema }, async (_input, { user }) => {
  const count = await markAllMessagesRead(user.id);
  return { count };
});

export const setMessageMailAction = action({ name: "account.message-mail", roles: STAFF, schema: messageMailSchema }, async ({ messageMail }, { user }) => {
  await setMessageMail(user.id, messageMail);
  return { messageMail };
});
