import "server-only";
import { ActionError } from "@/lib/actions/errors";
import { auditBy, type AuditActor } from "@/lib/audit/by";
import { changedFields } from "@/lib/audit/diff";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { accountLockedUntil, clearAccountLock } from "@/lib/security/login-throttle";
import { passwordProblems } from "@/lib/security/password-policy";
import { assertAdminRemains, assertColumnsExist, assertNotSelf, lockUser } from "./guards";
import type { CreateUserInput, ResetPasswordInput, ResetTwoFactorInput, SetUserDisabledInput, UnlockUserInput, UpdateUserInput } from "./schema";

// Audit entries never carry a password or a hash: only who, what and which fields.

/**
 * A new account must choose its own password at first login (issue 7). Without an
 * initial password one is generated and returned once, for the admin to pass on.
 */
export async function createUser({ password, ...input }: CreateUserInput, actor: AuditActor) {
  const generated = password ? null : generatePassword();
  const passwordHash = await hashPassword(password || generated!);
  try {
    return await db().$transaction(async (tx) => {
      await assertColumnsExist(tx, input.columnIds);
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash,
          mustChangePassword: true,
          columns: { create: input.columnIds.map((columnId) => ({ columnId })) },
        },
      });
      await auditBy(
        actor,
        { action: "user.create", targetType: "user", targetId: user.id, detail: { ...input, generatedPassword: generated !== null } },
        tx,
      );
      return { id: user.id, generatedPassword: generated };
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) {
      throw new ActionError("conflict", "该邮箱已被其他账号使用。", { fieldErrors: { email: ["该邮箱已被其他账号使用"] } });
    }
    throw error;
  }
}

/** Name, role and columns. The session reads role and columns on every request, so they apply at once. */
export async function updateUser({ id, ...input }: UpdateUserInput, actor: AuditActor) {
  await db().$transaction(async (tx) => {
    const user = await lockUser(tx, id);
    if (input.role !== "ADMIN") assertNotSelf(actor.id, id, "不能取消自己的管理员角色，请由另一位管理员操作。");
    await assertAdminRemains(tx, user, { role: input.role, disabled: user.disabled });
    await assertColumnsExist(tx, input.columnIds);
    await tx.user.update({
      where: { id },
      data: {
        name: input.name,
        role: input.role,
        columns: { deleteMany: {}, create: input.columnIds.map((columnId) => ({ columnId })) },
      },
    });
    const before = { name: user.name, role: user.role, columnIds: user.columns.map((c) => c.columnId).sort((a, b) => a - b) };
    const changes = changedFields(before, input);
    if (Object.keys(changes).length > 0) {
      await auditBy(actor, { action: "user.update", targetType: "user", targetId: id, detail: { email: user.email, changes } }, tx);
    }
  });
}

/** Disabling also bumps the session version: the user's open sessions stop on their next request. */
export async function setUserDisabled({ id, disabled }: SetUserDisabledInput, actor: AuditActor) {
  await db().$transaction(async (tx) => {
    const user = await lockUser(tx, id);
    if (disabled) assertNotSelf(actor.id, id, "不能停用自己的账号，请由另一位管理员操作。");
    await assertAdminRemains(tx, user, { role: user.role, disabled });
    if (user.disabled === disabled) return;
    await tx.user.update({
      where: { id },
      data: { disabled, ...(disabled ? { sessionVersion: { increment: 1 } } : {}) },
    });
    await auditBy(
      actor,
      { action: disabled ? "user.disable" : "user.enable", targetType: "user", targetId: id, detail: { email: user.email } },
      tx,
    );
  });
}

/**
 * Sets a new password the user must change at next login, ends their sessions and
 * lifts a login lock. Without a password one is generated and returned — once, to
 * the admin who asked; it is stored only as a hash.
 */
export async function resetUserPassword({ id, password }: ResetPasswordInput, actor: AuditActor): Promise<{ generatedPassword: string | null }> {
  assertNotSelf(actor.id, id, "请在“账户安全”中修改自己的密码。");
  const generated = password ? null : generatePassword();
  const newPassword = password || generated!;
  await db().$transaction(async (tx) => {
    const user = await lockUser(tx, id);
    const problems = passwordProblems(newPassword, user);
    if (problems.length > 0) throw new ActionError("invalid", problems[0], { fieldErrors: { password: problems } });
    await tx.user.update({
      where: { id },
      data: {
        passwordHash: await hashPassword(newPassword),
        mustChangePassword: true,
        passwordChangedAt: new Date(),
        sessionVersion: { increment: 1 },
      },
    });
    await clearAccountLock(user.email, tx);
    await auditBy(
      actor,
      { action: "user.reset-password", targetType: "user", targetId: id, detail: { email: user.email, generated: generated !== null } },
      tx,
    );
  });
  return { generatedPassword: generated };
}

/**
 * Clears a user's two-factor login when they lost their phone and their recovery codes:
 * they log in with their password alone and set it up again (at once, where the site
 * requires it for their role). Ends their sessions. Admins manage their own 2FA on the
 * account page, which asks for the password first.
 */
export async function resetUserTwoFactor({ id }: ResetTwoFactorInput, actor: AuditActor) {
  assertNotSelf(actor.id, id, "请在“账户安全”中管理自己的两步验证。");
  await db().$transaction(async (tx) => {
    const user = await lockUser(tx, id);
    if (!user.totpEnabled) throw new ActionError("conflict", "该用户未启用两步验证，无需重置。");
    await tx.user.update({
      where: { id },
      data: { totpEnabled: false, totpSecret: null, recoveryCodes: [], totpLastStep: 0, sessionVersion: { increment: 1 } },
    });
    await auditBy(actor, { action: "user.2fa.reset", targetType: "user", targetId: id, detail: { email: user.email } }, tx);
  });
}

/**
 * Lifts a login lock before it runs out (the user locked themselves out, or someone
 * guessed at their account) and forgets the failures before it. Audited with the
 * time the lock would have ended.
 */
export async function unlockUser({ id }: UnlockUserInput, actor: AuditActor) {
  await db().$transaction(async (tx) => {
    const user = await lockUser(tx, id);
    const lockedUntil = await accountLockedUntil(user.email);
    if (!lockedUntil) throw new ActionError("conflict", "该账号当前没有被锁定。");
    await clearAccountLock(user.email, tx);
    await auditBy(actor, { action: "user.unlock", targetType: "user", targetId: id, detail: { email: user.email, lockedUntil: lockedUntil.toISOString() } }, tx);
  });
}
