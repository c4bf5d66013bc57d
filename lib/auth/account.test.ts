import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { db } from "@/lib/db/client";
import { LOGIN_IP_RULE } from "@/lib/security/login-throttle";
import { totpCode } from "@/lib/security/totp";
import { changePasswordAction, beginTotpSetupAction, confirmTotpSetupAction, disableTotpAction, regenerateRecoveryCodesAction } from "./actions";
import { authorizeCredentials, LoginError } from "./login";
import { hashPassword, verifyPassword } from "./password";

setupTestDatabase();
// Only the cookie lookup is mocked: getSessionUser itself runs, against the real database.
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof import("next-auth")>()), getServerSession: vi.fn() }));
const { getServerSession } = await import("next-auth");
const { getSessionUser } = await import("./session");

const PASSWORD = "Old-Harbour-2025";
let userId: number;
/** Every secret the flows handled, to look for in the audit log at the end. */
const secrets: string[] = [PASSWORD, "New-Harbour-2026"];

async function actAsUser() {
  const row = await db().user.findUniqueOrThrow({ where: { id: userId } });
  vi.mocked(getServerSession).mockResolvedValue({ user: { id: row.id, sessionVersion: row.sessionVersion }, expires: "" } as never);
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "account-test-secret-account-test-secret-0123";
  userId = (await db().user.create({ data: { email: "zhangwei@wuhai.gov.cn", name: "张伟", role: "REVIEWER", passwordHash: await hashPassword(PASSWORD) } })).id;
});

beforeEach(async () => {
  await db().loginThrottle.deleteMany();
  await actAsUser();
});

describe("change password", () => {
  it("enforces the policy, including the account name", async () => {
    const weak = await changePasswordAction({ currentPassword: PASSWORD, newPassword: "short", confirmPassword: "short" });
    expect(weak).toMatchObject({ ok: false, code: "invalid" });
    const named = await changePasswordAction({ currentPassword: PASSWORD, newPassword: "Zhangwei-2026!", confirmPassword: "Zhangwei-2026!" });
    expect(named).toMatchObject({ ok: false, error: "密码不能包含账户名或邮箱前缀。", details: { field: "newPassword" } });
  });

  it("checks at most five current-password guesses sent at once, the right one among them refused", async () => {
    const change = (currentPassword: string) => changePasswordAction({ currentPassword, newPassword: "New-Harbour-2026", confirmPassword: "New-Harbour-2026" });
    const wrong = Array.from({ length: 8 }, (_, i) => change(`Guess-${i}-Password`));
    // The right one goes while the wrong ones are still being checked, once five of them have
    // been counted (as in login.test.ts): counted among the first five, it would be checked.
    const counted = async () => (await db().loginThrottle.findUnique({ where: { key: `reauth:${userId}` } }))?.count ?? 0;
    await expect.poll(counted, { timeout: 5_000, interval: 5 }).toBeGreaterThanOrEqual(5);
    const results = await Promise.all([...wrong, change(PASSWORD)]);
    const guesses = [...wrong, PASSWORD];
    expect(results.at(-1)).toMatchObject({ ok: false, code: "rate_limited" });
    expect(results.filter((r) => !r.ok && r.code === "rate_limited")).toHaveLength(guesses.length - 5);
    expect(await db().auditEntry.count({ where: { action: "user.reauth.failure", actorId: userId } })).toBeLessThanOrEqual(5);
  });

  it("refuses a wrong current password, and stops guessing after five tries", async () => {
    for (let i = 0; i < 5; i++) {
      expect(await changePasswordAction({ currentPassword: `Guess-${i}-Password`, newPassword: "New-Harbour-2026", confirmPassword: "New-Harbour-2026" })).toMatchObject({ ok: false, details: { field: "currentPassword" } });
    }
    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: "New-Harbour-2026", confirmPassword: "New-Harbour-2026" })).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("sets the new password, clears the forced change and ends every session", async () => {
    await db().user.update({ where: { id: userId }, data: { mustChangePassword: true } });
    await actAsUser();
    expect((await getSessionUser())?.securityStep).toBe("change-password");
    // While the change is pending, nothing but the account actions work.
    expect(await regenerateRecoveryCodesAction({ password: PASSWORD })).toMatchObject({ ok: false, code: "forbidden", error: expect.stringContaining("修改密码") });
    const before = await db().user.findUniqueOrThrow({ where: { id: userId } });
    const result = await changePasswordAction({ currentPassword: PASSWORD, newPassword: "New-Harbour-2026", confirmPassword: "New-Harbour-2026" });
    expect(result).toEqual({ ok: true, data: { signedOut: true } });
    const after = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(after.mustChangePassword).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, "New-Harbour-2026")).toBe(true);
    // The session that made the change is over too (its version is stale).
    expect(await getSessionUser()).toBeNull();
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "user.password.change", targetId: String(userId) } });
    expect(JSON.stringify(entry.detail)).not.toMatch(/Harbour|argon2/);
    await db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(PASSWORD) } });
  });
});

describe("two-factor login", () => {
  it("is set up with a code from the app, shows ten recovery codes once, and then guards the login", async () => {
    const begin = await beginTotpSetupAction({});
    if (!begin.ok) throw new Error(begin.error);
    expect(begin.data.qrSvg).toContain("<svg");
    const stored = await db().user.findUniqueOrThrow({ where: { id: userId } });
    // Encrypted at rest: the database never holds the shared secret in clear.
    expect(stored.totpSecret).not.toContain(begin.data.secret);
    expect(stored.totpEnabled).toBe(false);

    expect(await confirmTotpSetupAction({ code: "000000" === totpCode(begin.data.secret) ? "111111" : "000000" })).toMatchObject({ ok: false, code: "invalid" });
    const confirm = await confirmTotpSetupAction({ code: totpCode(begin.data.secret) });
    if (!confirm.ok) throw new Error(confirm.error);
    expect(confirm.data.recoveryCodes).toHaveLength(10);
    secrets.push(begin.data.secret, ...confirm.data.recoveryCodes);
    const enabled = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(enabled.totpEnabled).toBe(true);
    expect(enabled.recoveryCodes.join()).not.toContain(confirm.data.recoveryCodes[0]);

    const req = { headers: { "x-gazette-client-ip": "192.0.2.50" } };
    await expect(authorizeCredentials({ email: "zhangwei@wuhai.gov.cn", password: PASSWORD }, req)).rejects.toThrow(LoginError.totpRequired);
    expect(await authorizeCredentials({ email: "zhangwei@wuhai.gov.cn", password: PASSWORD, code: confirm.data.recoveryCodes[0] }, req)).not.toBeNull();

    // New codes replace the old ones.
    const renewed = await regenerateRecoveryCodesAction({ password: PASSWORD });
    if (!renewed.ok) throw new Error(renewed.error);
    await expect(authorizeCredentials({ email: "zhangwei@wuhai.gov.cn", password: PASSWORD, code: confirm.data.recoveryCodes[1] }, req)).rejects.toThrow(LoginError.totpInvalid);
    expect(LOGIN_IP_RULE.max).toBeGreaterThan(2);
  });

  it("cannot be stopped when the site requires it for the role; otherwise needs the password", async () => {
    await db().siteSettings.upsert({ where: { id: 1 }, update: { require2faForStaff: true }, create: { id: 1, siteName: "测试", require2faForStaff: true } });
    expect(await disableTotpAction({ password: PASSWORD })).toMatchObject({ ok: false, code: "forbidden" });
    await db().siteSettings.update({ where: { id: 1 }, data: { require2faForStaff: false } });
    expect(await disableTotpAction({ password: "Wrong-Password-1" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await disableTotpAction({ password: PASSWORD })).toEqual({ ok: true, data: { disabled: true } });
    const row = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(row).toMatchObject({ totpEnabled: false, totpSecret: null, recoveryCodes: [] });
  });

  it("sends admins and reviewers without 2FA to set it up when the site requires it", async () => {
    await db().siteSettings.update({ where: { id: 1 }, data: { require2faForStaff: true } });
    expect((await getSessionUser())?.securityStep).toBe("setup-2fa");
    // Setting it up is allowed during the step; other actions are not.
    expect((await beginTotpSetupAction({})).ok).toBe(true);
    expect(await regenerateRecoveryCodesAction({ password: PASSWORD })).toMatchObject({ ok: false, code: "forbidden" });
    // Editors are not concerned.
    await db().user.update({ where: { id: userId }, data: { role: "EDITOR" } });
    expect((await getSessionUser())?.securityStep).toBeNull();
    await db().siteSettings.update({ where: { id: 1 }, data: { require2faForStaff: false } });
  });
});

describe("secrets", () => {
  it("never end up in the audit log: no password, hash, TOTP secret or recovery code", async () => {
    const entries = await db().auditEntry.findMany();
    expect(entries.length).toBeGreaterThan(5);
    const text = JSON.stringify(entries, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    for (const secret of [...secrets, user.passwordHash, "$argon2"]) expect(text).not.toContain(secret);
  });
});
