import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { setupTestDatabase } from "@/test/db";
import { actAs } from "@/test/session";
import { accountKey, accountLockedUntil, takeAccountAttempt } from "@/lib/security/login-throttle";
import { createUserAction, resetUserPasswordAction, resetUserTwoFactorAction, setUserDisabledAction, unlockUserAction, updateUserAction } from "./actions";
import { getUserForAdmin } from "./admin-queries";
import { ensureSystemUser } from "./bootstrap";
import { createTestUser, lastAudit } from "./testing";

setupTestDatabase();

let admin: SessionUser;
let editor: SessionUser;
let reviewer: SessionUser;
let columnA: number;
let columnB: number;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  editor = await createTestUser("EDITOR");
  reviewer = await createTestUser("REVIEWER");
  columnA = (await db().column.create({ data: { name: "要闻", slug: "users-test-a" } })).id;
  columnB = (await db().column.create({ data: { name: "公告", slug: "users-test-b" } })).id;
});
beforeEach(() => actAs(admin));

const newUser = (over: Record<string, unknown> = {}) => ({
  email: `u${Math.random().toString(36).slice(2, 8)}@wuhai.gov.cn`,
  name: "王芳",
  role: "EDITOR",
  columnIds: [columnA],
  password: "Spring-River-2026",
  ...over,
});

function expectNoSecrets(detail: unknown) {
  const text = JSON.stringify(detail);
  expect(text).not.toMatch(/"password"|Spring-River|argon2|passwordHash/i);
}

describe("createUser", () => {
  it("creates the account with a hashed password it must change, its columns, and an audit entry", async () => {
    const input = newUser();
    const result = await createUserAction(input);
    if (!result.ok) throw new Error(result.error);
    const user = await db().user.findUniqueOrThrow({ where: { id: result.data.id }, include: { columns: true } });
    expect(user).toMatchObject({ email: input.email, name: "王芳", role: "EDITOR", mustChangePassword: true, disabled: false });
    expect(user.columns.map((c) => c.columnId)).toEqual([columnA]);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, "Spring-River-2026")).toBe(true);
    const entry = await lastAudit("user.create");
    expect(entry).toMatchObject({ actorId: admin.id, actorLabel: admin.email, targetType: "user", targetId: String(user.id) });
    expect(entry?.detail).toEqual({ email: input.email, name: "王芳", role: "EDITOR", columnIds: [columnA], generatedPassword: false });
    expectNoSecrets(entry?.detail);
    expect(result.data.generatedPassword).toBeNull();
  });

  it("generates an initial password when none is given, returned once and never audited", async () => {
    const result = await createUserAction(newUser({ password: "" }));
    if (!result.ok) throw new Error(result.error);
    const generated = result.data.generatedPassword!;
    expect(generated).toMatch(/^.{20}$/);
    const user = await db().user.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(await verifyPassword(user.passwordHash, generated)).toBe(true);
    expect(user.mustChangePassword).toBe(true);
    const entry = await lastAudit("user.create");
    expect(entry?.detail).toMatchObject({ generatedPassword: true });
    expect(JSON.stringify(entry?.detail)).not.toContain(generated);
  });

  it("refuses a weak password, and one containing the account name", async () => {
    const weak = await createUserAction(newUser({ password: "short1A" }));
    expect(weak).toMatchObject({ ok: false, code: "invalid", fieldErrors: { password: ["密码至少需要 12 个字符。"] } });
    const named = await createUserAction(newUser({ email: "liuyang@wuhai.gov.cn", password: "LiuYang-2026-ok" }));
    expect(named).toMatchObject({ ok: false, fieldErrors: { password: ["密码不能包含账户名或邮箱前缀。"] } });
  });

  it("refuses an email already in use, whatever its case", async () => {
    const input = newUser();
    expect((await createUserAction(input)).ok).toBe(true);
    const again = await createUserAction({ ...input, email: input.email.toUpperCase() });
    expect(again).toMatchObject({ ok: false, code: "conflict", details: { fieldErrors: { email: ["该邮箱已被其他账号使用"] } } });
  });

  it("refuses a column that does not exist", async () => {
    const result = await createUserAction(newUser({ columnIds: [999_999] }));
    expect(result).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("updateUser", () => {
  it("changes name, role and columns and records only what changed", async () => {
    const created = await createUserAction(newUser());
    if (!created.ok) throw new Error(created.error);
    const id = created.data.id;
    const result = await updateUserAction({ id, name: "王芳", role: "REVIEWER", columnIds: [columnB, columnA] });
    expect(result.ok).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { id }, include: { columns: true } });
    expect(user.role).toBe("REVIEWER");
    expect(user.columns.map((c) => c.columnId).sort()).toEqual([columnA, columnB].sort());
    const entry = await lastAudit("user.update");
    expect(entry?.detail).toMatchObject({
      changes: { role: ["EDITOR", "REVIEWER"], columnIds: [[columnA], [columnA, columnB].sort((a, b) => a - b)] },
    });
    expect(entry?.detail).not.toHaveProperty("changes.name");
  });

  it("does not let an admin demote themselves", async () => {
    const result = await updateUserAction({ id: admin.id, name: admin.name, role: "EDITOR", columnIds: [] });
    expect(result).toMatchObject({ ok: false, code: "forbidden", error: "不能取消自己的管理员角色，请由另一位管理员操作。" });
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });

  it("lets one admin demote another while an admin remains", async () => {
    const other = await createTestUser("ADMIN");
    expect((await updateUserAction({ id: other.id, name: other.name, role: "EDITOR", columnIds: [] })).ok).toBe(true);
  });

  it("never edits the system account", async () => {
    const systemId = await ensureSystemUser();
    const result = await updateUserAction({ id: systemId, name: "x", role: "ADMIN", columnIds: [] });
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setUserDisabledAction({ id: systemId, disabled: false })).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("disable and enable", () => {
  it("disabling ends the user's sessions at once; enabling lets them log in again", async () => {
    const target = await createTestUser("EDITOR");
    const before = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    expect((await setUserDisabledAction({ id: target.id, disabled: true })).ok).toBe(true);
    const disabled = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(disabled.disabled).toBe(true);
    expect(disabled.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await lastAudit("user.disable")).toMatchObject({ actorId: admin.id, targetId: String(target.id) });

    expect((await setUserDisabledAction({ id: target.id, disabled: false })).ok).toBe(true);
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).disabled).toBe(false);
    expect(await lastAudit("user.enable")).toMatchObject({ targetId: String(target.id) });
  });

  it("does not let an admin disable themselves", async () => {
    const result = await setUserDisabledAction({ id: admin.id, disabled: true });
    expect(result).toMatchObject({ ok: false, code: "forbidden", error: "不能停用自己的账号，请由另一位管理员操作。" });
  });

  it("never leaves the site without an enabled admin, even when two admins disable each other at once", async () => {
    await db().user.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { role: "EDITOR" } });
    const other = await createTestUser("ADMIN");
    // Each admin disables the other; the lock makes one of them wait and then refuse.
    const results = await Promise.all([
      (async () => {
        actAs(admin);
        return setUserDisabledAction({ id: other.id, disabled: true });
      })(),
      (async () => {
        actAs(other);
        return setUserDisabledAction({ id: admin.id, disabled: true });
      })(),
    ]);
    const enabledAdmins = await db().user.count({ where: { role: "ADMIN", disabled: false } });
    expect(enabledAdmins).toBeGreaterThanOrEqual(1);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "conflict", error: expect.stringContaining("唯一的管理员") });
    await db().user.update({ where: { id: admin.id }, data: { disabled: false } });
  });
});

/** Five failed logins' worth of attempts: the email is locked. */
async function lockOut(email: string) {
  for (let i = 0; i < 5; i++) await takeAccountAttempt(email);
  expect(await accountLockedUntil(email)).not.toBeNull();
}

describe("unlockUser", () => {
  it("shows the lock on the user's page and lifts it, audited with the time it would have ended", async () => {
    const target = await createTestUser("EDITOR", { email: "locked-out@wuhai.gov.cn" });
    await lockOut(target.email);
    const until = await accountLockedUntil(target.email);
    expect((await getUserForAdmin(target.id))?.lockedUntil).toEqual(until);
    expect(await unlockUserAction({ id: target.id })).toEqual({ ok: true, data: { id: target.id } });
    expect(await accountLockedUntil(target.email)).toBeNull();
    expect((await getUserForAdmin(target.id))?.lockedUntil).toBeNull();
    const entry = await lastAudit("user.unlock");
    expect(entry).toMatchObject({ actorId: admin.id, targetId: String(target.id), detail: { email: target.email, lockedUntil: until!.toISOString() } });
  });

  it("says so when the account is not locked, and is for admins only", async () => {
    const target = await createTestUser("EDITOR");
    expect(await unlockUserAction({ id: target.id })).toMatchObject({ ok: false, code: "conflict", error: "该账号当前没有被锁定。" });
    await lockOut(target.email);
    actAs(editor);
    expect(await unlockUserAction({ id: target.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await accountLockedUntil(target.email)).not.toBeNull();
  });
});

describe("resetUserPassword", () => {
  it("sets the given password, forces a change at next login, ends sessions and lifts a lock", async () => {
    const target = await createTestUser("EDITOR", { email: "reset-me@wuhai.gov.cn" });
    await lockOut(target.email);
    const result = await resetUserPasswordAction({ id: target.id, password: "Autumn-Field-2026" });
    expect(result).toEqual({ ok: true, data: { generatedPassword: null } });
    const user = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(await verifyPassword(user.passwordHash, "Autumn-Field-2026")).toBe(true);
    expect(user).toMatchObject({ mustChangePassword: true, sessionVersion: 1 });
    expect(await db().loginThrottle.findUnique({ where: { key: accountKey(target.email) } })).toBeNull();
    const entry = await lastAudit("user.reset-password");
    expect(entry?.detail).toEqual({ email: "reset-me@wuhai.gov.cn", generated: false });
    expectNoSecrets(entry?.detail);
  });

  it("generates a password meeting the policy when none is given, and returns it once", async () => {
    const target = await createTestUser("REVIEWER");
    const result = await resetUserPasswordAction({ id: target.id });
    if (!result.ok) throw new Error(result.error);
    const generated = result.data.generatedPassword!;
    expect(generated).toHaveLength(20);
    const user = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(await verifyPassword(user.passwordHash, generated)).toBe(true);
    const entry = await lastAudit("user.reset-password");
    expect(JSON.stringify(entry?.detail)).not.toContain(generated);
  });

  it("refuses a password that breaks the policy for that account", async () => {
    const target = await createTestUser("EDITOR", { email: "zhaolei@wuhai.gov.cn" });
    const result = await resetUserPasswordAction({ id: target.id, password: "Zhaolei-2026-x" });
    expect(result).toMatchObject({ ok: false, code: "invalid", details: { fieldErrors: { password: ["密码不能包含账户名或邮箱前缀。"] } } });
  });

  it("sends an admin to their own account page instead of resetting their own password", async () => {
    expect(await resetUserPasswordAction({ id: admin.id })).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("resetUserTwoFactor", () => {
  const twoFactorOn = { totpEnabled: true, totpSecret: "sealed-secret", recoveryCodes: ["hash-1", "hash-2"], totpLastStep: 59_000_000 };
  const with2fa = async (role: "EDITOR" | "REVIEWER" | "ADMIN" = "REVIEWER") => {
    const target = await createTestUser(role);
    await db().user.update({ where: { id: target.id }, data: twoFactorOn });
    return target;
  };

  it("turns the user's 2FA off, ends their sessions and audits it", async () => {
    const target = await with2fa();
    const before = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(await resetUserTwoFactorAction({ id: target.id })).toEqual({ ok: true, data: { id: target.id } });
    const after = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after).toMatchObject({ totpEnabled: false, totpSecret: null, recoveryCodes: [], totpLastStep: 0, sessionVersion: before.sessionVersion + 1 });
    const entry = await lastAudit("user.2fa.reset");
    expect(entry).toMatchObject({ actorId: admin.id, actorLabel: admin.email, targetType: "user", targetId: String(target.id) });
    expect(entry?.detail).toEqual({ email: target.email });
    expect(JSON.stringify(entry?.detail)).not.toMatch(/sealed-secret|hash-1/);
  });

  it("says so when the user has no 2FA to reset, and changes nothing", async () => {
    const target = await createTestUser("EDITOR");
    const before = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(await resetUserTwoFactorAction({ id: target.id })).toMatchObject({ ok: false, code: "conflict", error: "该用户未启用两步验证，无需重置。" });
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).sessionVersion).toBe(before.sessionVersion);
  });

  it("refuses an admin's own 2FA (the account page asks for the password), the system account and an unknown user", async () => {
    await db().user.update({ where: { id: admin.id }, data: twoFactorOn });
    expect(await resetUserTwoFactorAction({ id: admin.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ totpEnabled: true, totpSecret: "sealed-secret" });
    await db().user.update({ where: { id: admin.id }, data: { totpEnabled: false, totpSecret: null, recoveryCodes: [], totpLastStep: 0 } });
    expect(await resetUserTwoFactorAction({ id: await ensureSystemUser() })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await resetUserTwoFactorAction({ id: 999_999 })).toMatchObject({ ok: false, code: "not_found" });
    expect(await resetUserTwoFactorAction({ id: "x" })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("is for admins only: editors, reviewers and anonymous callers leave the 2FA on", async () => {
    const target = await with2fa();
    for (const user of [editor, reviewer, null]) {
      actAs(user);
      expect(await resetUserTwoFactorAction({ id: target.id })).toMatchObject({ ok: false, code: user ? "forbidden" : "unauthenticated" });
    }
    expect(await db().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject(twoFactorOn);
  });
});

describe("who may call user actions", () => {
  it("refuses editors, reviewers and anonymous callers, and changes nothing", async () => {
    const target = await createTestUser("EDITOR");
    const count = await db().user.count();
    for (const user of [editor, reviewer, null]) {
      actAs(user);
      const code = user ? "forbidden" : "unauthenticated";
      expect(await createUserAction(newUser())).toMatchObject({ ok: false, code });
      expect(await updateUserAction({ id: target.id, name: "x", role: "ADMIN", columnIds: [] })).toMatchObject({ ok: false, code });
      expect(await setUserDisabledAction({ id: target.id, disabled: true })).toMatchObject({ ok: false, code });
      expect(await resetUserPasswordAction({ id: target.id })).toMatchObject({ ok: false, code });
      expect(await resetUserTwoFactorAction({ id: target.id })).toMatchObject({ ok: false, code });
    }
    expect(await db().user.count()).toBe(count);
    expect(await db().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: "EDITOR", disabled: false });
  });
});
