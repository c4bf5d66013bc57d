import { describe, expect, it } from "vitest";
import { createUserSchema, resetPasswordSchema, updateUserSchema } from "./schema";

const valid = { email: " WangFang@Wuhai.gov.cn ", name: " 王芳 ", role: "EDITOR", columnIds: ["3", 1, 3], password: "Spring-River-2026" };
const byField = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
  const out: Record<string, string[]> = {};
  for (const i of result.error?.issues ?? []) (out[i.path.join(".")] ??= []).push(i.message);
  return out;
};

describe("createUserSchema", () => {
  it("normalizes email, name and columns", () => {
    expect(createUserSchema.parse(valid)).toEqual({
      email: "wangfang@wuhai.gov.cn",
      name: "王芳",
      role: "EDITOR",
      columnIds: [1, 3],
      password: "Spring-River-2026",
    });
  });

  it("reports each problem on its field, in Chinese", () => {
    const result = createUserSchema.safeParse({ email: "nope", name: "", role: "ROOT", password: "wangfang123" });
    expect(byField(result)).toEqual({
      email: ["请输入有效的邮箱地址"],
      name: ["请输入姓名"],
      role: ["请选择角色"],
      password: ["密码至少需要 12 个字符。", "密码需包含大写字母、小写字母、数字、符号中的至少三种。"],
    });
  });

  it("refuses a password containing the account's email name, whatever the case", () => {
    expect(byField(createUserSchema.safeParse({ ...valid, password: "WANGFANG-2026-ok" }))).toEqual({
      password: ["密码不能包含账户名或邮箱前缀。"],
    });
  });

  it("accepts only the three roles", () => {
    for (const role of ["ADMIN", "REVIEWER", "EDITOR"]) expect(createUserSchema.safeParse({ ...valid, role }).success).toBe(true);
    expect(createUserSchema.safeParse({ ...valid, role: "admin" }).success).toBe(false);
  });
});

describe("updateUserSchema and resetPasswordSchema", () => {
  it("coerce ids from form values and default the optional parts", () => {
    expect(updateUserSchema.parse({ id: "7", name: "李", role: "REVIEWER" })).toEqual({ id: 7, name: "李", role: "REVIEWER", columnIds: [] });
    expect(resetPasswordSchema.parse({ id: 7 })).toEqual({ id: 7, password: "" });
    expect(updateUserSchema.safeParse({ id: "x", name: "李", role: "REVIEWER" }).success).toBe(false);
  });
});
