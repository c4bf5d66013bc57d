import { describe, expect, it } from "vitest";
import { passwordProblems } from "./password-rules";
import { createUserSchema } from "./schema";

const account = { email: "zhangwei@wuhai.gov.cn", name: "张伟" };

describe("passwordProblems", () => {
  it.each([
    ["Abcdefgh123!", []],
    ["abcdefgh123!", []], // lower, digit, symbol: three classes are enough
    ["ABCDEFGH1234", ["密码需包含大写字母、小写字母、数字、符号中的至少三类"]],
    ["Abc123!", ["密码至少 12 个字符"]],
    ["abcdefghijkl", ["密码需包含大写字母、小写字母、数字、符号中的至少三类"]],
    ["Zhangwei-2026!", ["密码不能包含账号名或姓名"]],
    ["xx张伟Abc123456", ["密码不能包含账号名或姓名"]],
    ["Q".repeat(64) + "q1".repeat(40), ["密码不能超过 128 个字符"]],
  ])("%s → %j", (password, expected) => {
    expect(passwordProblems(password, account)).toEqual(expected);
  });

  it("does not refuse a password for containing a very short account name", () => {
    expect(passwordProblems("Lilac-Garden-77", { email: "li@x.cn" })).toEqual([]);
  });

  it("counts spaces as no class at all, and CJK characters as symbols", () => {
    expect(passwordProblems("abc def ghi jkl", account)).toHaveLength(1);
    expect(passwordProblems("春风abcdefgh12", account)).toEqual([]);
  });
});

describe("createUserSchema", () => {
  const valid = { email: " WangFang@Wuhai.gov.cn ", name: " 王芳 ", role: "EDITOR", columnIds: ["3", 1, 3], password: "Spring-River-2026" };

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
    expect(result.success).toBe(false);
    const byField: Record<string, string[]> = {};
    for (const i of result.error!.issues) (byField[i.path.join(".")] ??= []).push(i.message);
    expect(byField).toEqual({
      email: ["请输入有效的邮箱地址"],
      name: ["请输入姓名"],
      role: ["请选择角色"],
      password: ["密码至少 12 个字符", "密码需包含大写字母、小写字母、数字、符号中的至少三类"],
    });
  });

  it("refuses a password containing the account name", () => {
    const result = createUserSchema.safeParse({ ...valid, password: "WangFang-2026!" });
    expect(result.error?.issues.map((i) => i.message)).toEqual(["密码不能包含账号名或姓名"]);
  });
});
