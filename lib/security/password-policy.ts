import { z } from "zod";

/**
 * The one password policy (等保 2.0 身份鉴别): at least 12 characters, at least three of
 * upper case, lower case, digits and symbols, and not the account's name or the local
 * part of its email. Every place that sets a password validates with these schemas.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const passwordMessages = {
  tooShort: `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符。`,
  tooLong: `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符。`,
  tooSimple: "密码需包含大写字母、小写字母、数字、符号中的至少三种。",
  containsAccount: "密码不能包含账户名或邮箱前缀。",
  mismatch: "两次输入的新密码不一致。",
  sameAsOld: "新密码不能与当前密码相同。",
} as const;

export interface PasswordAccount {
  email?: string | null;
  name?: string | null;
}

const CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** Account words a password must not contain: the email's local part and the name (case-insensitive, ≥ 3 characters). */
function accountWords(account: PasswordAccount): string[] {
  const words = [account.email?.split("@")[0], account.name].map((w) => (w ?? "").trim().toLowerCase());
  return words.filter((w) => w.length >= 3);
}

/** The policy's complaints about a password, in the UI language; empty when it passes. */
export function passwordProblems(password: string, account: PasswordAccount = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(passwordMessages.tooShort);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(passwordMessages.tooLong);
  if (CLASSES.filter((c) => c.test(password)).length < 3) problems.push(passwordMessages.tooSimple);
  const lower = password.toLowerCase();
  if (accountWords(account).some((w) => lower.includes(w))) problems.push(passwordMessages.containsAccount);
  return problems;
}

/** A new password, checked against the policy (account words included when the account is known). */
export function newPasswordSchema(account: PasswordAccount = {}) {
  return z.string().superRefine((value, ctx) => {
    for (const message of passwordProblems(value, account)) ctx.addIssue({ code: "custom", message });
  });
}

/**
 * For forms where the account is part of the input (an admin creating a user): adds the
 * policy's complaints about `data[field]` given `data.email` / `data.name`.
 */
export function refinePassword<T extends { email?: string; name?: string }>(field: keyof T & string) {
  return (data: T, ctx: z.RefinementCtx) => {
    const value = data[field];
    if (typeof value !== "string") return;
    for (const message of passwordProblems(value, data)) ctx.addIssue({ code: "custom", message, path: [field] });
  };
}

/** Change-password form: the current password, the new one twice. */
export function changePasswordSchema(account: PasswordAccount) {
  return z
    .object({
      currentPassword: z.string().min(1, "请输入当前密码。").max(256),
      newPassword: newPasswordSchema(account),
      confirmPassword: z.string().max(256),
    })
    .superRefine((data, ctx) => {
      if (data.newPassword !== data.confirmPassword) {
        ctx.addIssue({ code: "custom", message: passwordMessages.mismatch, path: ["confirmPassword"] });
      }
      if (data.newPassword === data.currentPassword) {
        ctx.addIssue({ code: "custom", message: passwordMessages.sameAsOld, path: ["newPassword"] });
      }
    });
}
