import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { passwordMessages, passwordProblems } from "@/lib/security/password-policy";
import { setupTestDatabase } from "@/test/db";
import { ensureAdmin } from "./bootstrap";

setupTestDatabase();

/** The first admin: from ADMIN_EMAIL / ADMIN_PASSWORD (checked against the password policy) or generated; either way changed at first login. */
describe("ensureAdmin", () => {
  const saved = { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD };
  beforeEach(async () => {
    await db().user.deleteMany({ where: { role: "ADMIN" } });
    process.env.ADMIN_EMAIL = "first-admin@wuhai.gov.cn";
  });
  afterEach(() => {
    process.env.ADMIN_EMAIL = saved.email;
    process.env.ADMIN_PASSWORD = saved.password;
  });

  it.each([
    ["too simple", "alllowercaseletters", passwordMessages.tooSimple],
    ["too short", "Ab1!", passwordMessages.tooShort],
    ["containing the email's local part", "First-Admin-2026!", passwordMessages.containsAccount],
  ])("refuses an ADMIN_PASSWORD that is %s, saying which rule, and creates nobody", async (_name, password, rule) => {
    process.env.ADMIN_PASSWORD = password;
    const logged: string[] = [];
    await expect(ensureAdmin((m) => logged.push(m))).rejects.toThrow(`ADMIN_PASSWORD 不符合密码规则：${rule}`);
    expect(await db().user.count({ where: { role: "ADMIN" } })).toBe(0);
    expect(logged.join("\n")).not.toContain(password);
  });

  it("creates the admin from a strong ADMIN_PASSWORD, who must change it at first login", async () => {
    process.env.ADMIN_PASSWORD = "Quiet-Harbour-Lights-7";
    await ensureAdmin(() => {});
    const admin = await db().user.findUniqueOrThrow({ where: { email: "first-admin@wuhai.gov.cn" } });
    expect(admin).toMatchObject({ role: "ADMIN", disabled: false, mustChangePassword: true });
    expect(await verifyPassword(admin.passwordHash, "Quiet-Harbour-Lights-7")).toBe(true);
  });

  it("generates a password that meets the policy when none is given, prints it once, and forces a change too", async () => {
    delete process.env.ADMIN_PASSWORD;
    const logged: string[] = [];
    await ensureAdmin((m) => logged.push(m));
    const printed = /password: (\S+)/.exec(logged.join("\n"))![1];
    expect(passwordProblems(printed, { email: "first-admin@wuhai.gov.cn", name: "管理员" })).toEqual([]);
    const admin = await db().user.findUniqueOrThrow({ where: { email: "first-admin@wuhai.gov.cn" } });
    expect(admin.mustChangePassword).toBe(true);
    expect(await verifyPassword(admin.passwordHash, printed)).toBe(true);
  });

  it("does nothing once an admin exists, whatever ADMIN_PASSWORD says", async () => {
    process.env.ADMIN_PASSWORD = "Quiet-Harbour-Lights-7";
    await ensureAdmin(() => {});
    process.env.ADMIN_PASSWORD = "weak";
    await expect(ensureAdmin(() => {})).resolves.toBeUndefined();
    expect(await db().user.count({ where: { role: "ADMIN" } })).toBe(1);
  });
});
