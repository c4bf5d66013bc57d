import { describe, expect, it } from "vitest";
import { generatePassword } from "@/lib/auth/password";
import { changePasswordSchema, newPasswordSchema, passwordMessages, passwordProblems, refinePassword } from "./password-policy";
import { z } from "zod";

const account = { email: "wangfang@gov.example.cn", name: "Wang Fang" };

describe("password policy", () => {
  it.each([
    ["Short-1!", [passwordMessages.tooShort]],
    ["alllowercaseletters", [passwordMessages.tooSimple]],
    ["lowercase and digits 123", []], // lower, digit, symbol (spaces count as symbols)
    ["ALLUPPER123456", [passwordMessages.tooSimple]],
    ["Upper-lower-9", []],
    ["Correct-Horse-Battery-9", []],
    ["x".repeat(129) + "A1!", [passwordMessages.tooLong]],
  ])("%s", (password, expected) => {
    expect(passwordProblems(password)).toEqual(expected);
  });

  it("refuses a password containing the email's local part or the name, in any case", () => {
    expect(passwordProblems("WangFang-2026!", account)).toContain(passwordMessages.containsAccount);
    expect(passwordProblems("my-WANG FANG-pass1", account)).toContain(passwordMessages.containsAccount);
    expect(passwordProblems("Tianjin-Harbour-77", account)).toEqual([]);
  });

  it("accepts every generated password", () => {
    for (let i = 0; i < 200; i++) expect(passwordProblems(generatePassword(), account)).toEqual([]);
  });

  it("reports problems as zod issues", () => {
    const result = newPasswordSchema(account).safeParse("short");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([passwordMessages.tooShort, passwordMessages.tooSimple]);
  });

  it("checks a password against the account given in the same form", () => {
    const schema = z.object({ email: z.string(), name: z.string(), password: z.string() }).superRefine(refinePassword("password"));
    const bad = schema.safeParse({ email: "liming@x.cn", name: "李明", password: "LiMing-is-great-1" });
    expect(bad.error?.issues).toEqual([expect.objectContaining({ path: ["password"], message: passwordMessages.containsAccount })]);
    expect(schema.safeParse({ email: "liming@x.cn", name: "李明", password: "Harbour-Lights-42" }).success).toBe(true);
  });

  it("change-password form: confirmation must match and differ from the current one", () => {
    const schema = changePasswordSchema(account);
    const mismatch = schema.safeParse({ currentPassword: "Old-Password-1", newPassword: "New-Password-22", confirmPassword: "New-Password-23" });
    expect(mismatch.error?.issues[0]).toMatchObject({ path: ["confirmPassword"], message: passwordMessages.mismatch });
    const same = schema.safeParse({ currentPassword: "Same-Password-1", newPassword: "Same-Password-1", confirmPassword: "Same-Password-1" });
    expect(same.error?.issues[0]).toMatchObject({ path: ["newPassword"], message: passwordMessages.sameAsOld });
    expect(schema.safeParse({ currentPassword: "x", newPassword: "New-Password-22", confirmPassword: "New-Password-22" }).success).toBe(true);
  });
});
