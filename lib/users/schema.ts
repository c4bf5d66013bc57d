import { z } from "zod";
import { newPasswordSchema, passwordMessages, passwordProblems } from "@/lib/security/password-policy";

export const ROLES = ["ADMIN", "REVIEWER", "EDITOR"] as const;

const id = z.coerce.number().int().positive("用户不存在");
const email = z.string().trim().toLowerCase().min(1, "请输入邮箱").max(254, "邮箱过长").email("请输入有效的邮箱地址");
const name = z.string().trim().min(1, "请输入姓名").max(50, "姓名不能超过 50 个字符");
const role = z.enum(ROLES, { message: "请选择角色" });
// Admins work everywhere; the columns matter for editors and reviewers.
const columnIds = z
  .array(z.coerce.number().int().positive())
  .max(1000)
  .default([])
  .transform((ids) => [...new Set(ids)].sort((a, b) => a - b));

/**
 * The shared password policy (lib/security/password-policy.ts). Length and character
 * classes are checked with the other fields; the account-name rule needs the email
 * and name, so the object adds only that one (zod runs both when the field fails).
 * An empty password asks the server to generate one, shown once to the admin.
 */
export const createUserSchema = z
  .object({ email, name, role, columnIds, password: z.literal("").or(newPasswordSchema()).default("") })
  .superRefine((u, ctx) => {
    if (u.password && passwordProblems(u.password, u).includes(passwordMessages.containsAccount)) {
      ctx.addIssue({ code: "custom", path: ["password"], message: passwordMessages.containsAccount });
    }
  });

export const updateUserSchema = z.object({ id, name, role, columnIds });

export const setUserDisabledSchema = z.object({ id, disabled: z.boolean() });

/** An empty password asks the server to generate one (shown once to the admin). */
export const resetPasswordSchema = z.object({ id, password: z.string().max(256, "密码过长").optional().default("") });

/** Clears the user's two-factor login (lost phone and recovery codes). */
export const resetTwoFactorSchema = z.object({ id });

/** Lifts a login lock (too many failed logins). */
export const unlockUserSchema = z.object({ id });

export type CreateUserInput = z.output<typeof createUserSchema>;
export type UpdateUserInput = z.output<typeof updateUserSchema>;
export type SetUserDisabledInput = z.output<typeof setUserDisabledSchema>;
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;
export type ResetTwoFactorInput = z.output<typeof resetTwoFactorSchema>;
export type UnlockUserInput = z.output<typeof unlockUserSchema>;
