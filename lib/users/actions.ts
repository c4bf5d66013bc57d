"use server";

import { action } from "@/lib/actions/safe-action";
import { createUser, resetUserPassword, resetUserTwoFactor, setUserDisabled, unlockUser, updateUser } from "./mutations";
import { createUserSchema, resetPasswordSchema, resetTwoFactorSchema, setUserDisabledSchema, unlockUserSchema, updateUserSchema } from "./schema";

// Users appear on no public page: nothing to refresh beyond the admin page the form reloads.

export const createUserAction = action({ name: "user.create", roles: ["ADMIN"], schema: createUserSchema }, (input, { user }) =>
  createUser(input, user),
);

export const updateUserAction = action({ name: "user.update", roles: ["ADMIN"], schema: updateUserSchema }, async (input, { user }) => {
  await updateUser(input, user);
  return { id: input.id };
});

export const setUserDisabledAction = action(
  { name: "user.set-disabled", roles: ["ADMIN"], schema: setUserDisabledSchema },
  async (input, { user }) => {
    await setUserDisabled(input, user);
    return { id: input.id, disabled: input.disabled };
  },
);

export const resetUserPasswordAction = action(
  { name: "user.reset-password", roles: ["ADMIN"], schema: resetPasswordSchema },
  (input, { user }) => resetUserPassword(input, user),
);

export const resetUserTwoFactorAction = action(
  { name: "user.reset-2fa", roles: ["ADMIN"], schema: resetTwoFactorSchema },
  async (input, { user }) => {
    await resetUserTwoFactor(input, user);
    return { id: input.id };
  },
);

export const unlockUserAction = action({ name: "user.unlock", roles: ["ADMIN"], schema: unlockUserSchema }, async (input, { user }) => {
  await unlockUser(input, user);
  return { id: input.id };
});
