import { z } from "zod";
import { accountNameProblem, passwordStrengthProblems } from "./password-rules";

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
const password = z.string().superRefine((value, ctx) => {
  for (const message of passwordStrengthProblems(value)) ctx.addIssue({ code: "custom", message });
});

export const createUserSchema = z
  .object({ email, name, role, columnIds, password })
  // The account-name rule needs the email and name, so it runs once the fields are valid.
  .superRefine((u, ctx) => {
    const message = accountNameProblem(u.password, u);
    if (message) ctx.addIssue({ code: "custom", path: ["password"], message });
  });

export const updateUserSchema = z.object({ id, name, role, columnIds });

export const setUserDisabledSchema = z.object({ id, disabled: z.boolean() });

/** An empty password asks the server to generate one (shown once to the admin). */
export const resetPasswordSchema = z.object({ id, password: z.string().max(256, "密码过长").optional().default("") });

export type CreateUserInput = z.output<typeof createUserSchema>;
export type UpdateUserInput = z.output<typeof updateUserSchema>;
export type SetUserDisabledInput = z.output<typeof setUserDisabledSchema>;
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;
