"use server";

import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { newPasswordSchema, passwordMessages } from "@/lib/security/password-policy";
import { beginTotpSetup, changeOwnPassword, confirmTotpSetup, disableTotp, regenerateRecoveryCodes } from "./account";

// Every role manages its own account; these are the only actions a user with a pending
// security step (forced password change, required 2FA) may call.
const EVERYONE = ["ADMIN", "REVIEWER", "EDITOR"] as const;

const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码。").max(256),
    // Length and character classes here; the account-name rule needs the user (account.ts).
    newPassword: newPasswordSchema(),
    confirmPassword: z.string().max(256),
  })
  .refine((d) => d.newPassword === d.confirmPassword, { message: passwordMessages.mismatch, path: ["confirmPassword"] })
  .refine((d) => d.newPassword !== d.currentPassword, { message: passwordMessages.sameAsOld, path: ["newPassword"] });

const passwordOnly = z.object({ password: z.string().min(1, "请输入当前密码。").max(256) });
const codeInput = z.object({ code: z.string().trim().regex(/^\d{6}$/, "请输入 6 位数字验证码。") });

export const changePasswordAction = action(
  { name: "account.change-password", roles: EVERYONE, schema: changePasswordInput, allowDuringSecurityStep: true },
  async (input, { user }) => {
    await changeOwnPassword(user, input);
    return { signedOut: true };
  },
);

export const beginTotpSetupAction = action(
  { name: "account.2fa.begin", roles: EVERYONE, schema: z.object({}), allowDuringSecurityStep: true },
  (_input, { user }) => beginTotpSetup(user),
);

export const confirmTotpSetupAction = action(
  { name: "account.2fa.confirm", roles: EVERYONE, schema: codeInput, allowDuringSecurityStep: true },
  (input, { user }) => confirmTotpSetup(user, input.code),
);

export const disableTotpAction = action({ name: "account.2fa.disable", roles: EVERYONE, schema: passwordOnly }, async (input, { user }) => {
  await disableTotp(user, input.password);
  return { disabled: true };
});

export const regenerateRecoveryCodesAction = action(
  { name: "account.2fa.recovery-codes", roles: EVERYONE, schema: passwordOnly },
  (input, { user }) => regenerateRecoveryCodes(user, input.password),
);
