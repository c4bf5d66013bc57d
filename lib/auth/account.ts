import "server-only";
import QRCode from "qrcode";
import { ActionError } from "@/lib/actions/errors";
import { auditBy } from "@/lib/audit/by";
import { db } from "@/lib/db/client";
import { t } from "@/lib/i18n/zh-CN";
import { giveBack, takeAttempt, type ThrottleRule } from "@/lib/security/login-throttle";
import { passwordProblems } from "@/lib/security/password-policy";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/security/recovery-codes";
import { open, seal } from "@/lib/security/secret-box";
import { generateTotpSecret, otpauthUri, verifyTotp } from "@/lib/security/totp";
import { TOTP_PURPOSE } from "./login";
import { hashPassword, verifyPassword } from "./password";
import type { SessionUser } from "./session";
import { STAFF_2FA_ROLES } from "./session-policy";

/**
 * What a logged-in user does to their own account: change the password, set up or
 * stop two-factor login, renew recovery codes. Each step that weakens the account
 * asks for the current password again; wrong guesses are limited like logins.
 */
const REAUTH_RULE: ThrottleRule = { max: 5, windowSeconds: 15 * 60 };
const TOTP_ISSUER = "Gazette";

async function assertPassword(user: SessionUser, password: string, field: string) {
  // Counted before the check, so that parallel guesses cannot all be checked (as for logins).
  const slot = await takeAttempt(`reauth:${user.id}`, REAUTH_RULE);
  if (!slot) throw new ActionError("rate_limited", t.security.tooManyAttempts);
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row.passwordHash, password))) {
    await auditBy(user, { action: "user.reauth.failure", targetType: "user", targetId: user.id });
    throw new ActionError("invalid", field === "currentPassword" ? t.security.wrongCurrentPassword : t.security.wrongPassword, { field });
  }
  await giveBack(slot);
}

/** Sets a new password and ends every session of the user, this one included. */
export async function changeOwnPassword(user: SessionUser, input: { currentPassword: string; newPassword: string }) {
  const problems = passwordProblems(input.newPassword, user);
  if (problems.length) throw new ActionError("invalid", problems[0], { field: "newPassword" });
  await assertPassword(user, input.currentPassword, "currentPassword");
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash: await hashPassword(input.newPassword),
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        sessionVersion: { increment: 1 },
      },
    });
    await auditBy(user, { action: "user.password.change", targetType: "user", targetId: user.id, detail: { forced: user.mustChangePassword } }, tx);
  });
}

/**
 * Step 1 of enabling 2FA: a new secret, kept encrypted on the user until a code from
 * the app confirms it. Returns what the page shows: a QR code and the key to type.
 */
export async function beginTotpSetup(user: SessionUser) {
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabled: true } });
  if (row.totpEnabled) throw new ActionError("conflict", t.security.twoFactorAlreadyOn);
  const secret = generateTotpSecret();
  await db().user.update({ where: { id: user.id }, data: { totpSecret: seal(secret, TOTP_PURPOSE) } });
  const uri = otpauthUri(secret, user.email, TOTP_ISSUER);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { secret, qrSvg };
}

/** Step 2: the first code proves the app holds the secret; 2FA is on and the recovery codes are shown once. */
export async function confirmTotpSetup(user: SessionUser, code: string) {
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabled: true, totpSecret: true } });
  if (row.totpEnabled) throw new ActionError("conflict", t.security.twoFactorAlreadyOn);
  const secret = row.totpSecret ? open(row.totpSecret, TOTP_PURPOSE) : null;
  if (!secret) throw new ActionError("conflict", t.security.twoFactorNotStarted);
  const slot = await takeAttempt(`reauth:${user.id}`, REAUTH_RULE);
  if (!slot) throw new ActionError("rate_limited", t.security.tooManyAttempts);
  const step = verifyTotp(secret, code);
  if (step === null) throw new ActionError("invalid", t.security.totpInvalid, { field: "code" });
  await giveBack(slot);
  const codes = generateRecoveryCodes();
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabled: true, totpLastStep: step, recoveryCodes: codes.map(hashRecoveryCode) } });
    await auditBy(user, { action: "user.2fa.enable", targetType: "user", targetId: user.id }, tx);
  });
  return { recoveryCodes: codes };
}

export async function disableTotp(user: SessionUser, password: string) {
  if (STAFF_2FA_ROLES.includes(user.role)) {
    const settings = await db().siteSettings.findUnique({ where: { id: 1 }, select: { require2faForStaff: true } });
    if (settings?.require2faForStaff) throw new ActionError("forbidden", t.security.twoFactorRequiredCannotDisable);
  }
  await assertPassword(user, password, "password");
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabled: false, totpSecret: null, recoveryCodes: [], totpLastStep: 0 } });
    await auditBy(user, { action: "user.2fa.disable", targetType: "user", targetId: user.id }, tx);
  });
}

export async function regenerateRecoveryCodes(user: SessionUser, password: string) {
  await assertPassword(user, password, "password");
  const codes = generateRecoveryCodes();
  const updated = await db().user.updateMany({ where: { id: user.id, totpEnabled: true }, data: { recoveryCodes: codes.map(hashRecoveryCode) } });
  if (updated.count !== 1) throw new ActionError("conflict", t.security.twoFactorNotStarted);
  await auditBy(user, { action: "user.2fa.recovery-codes", targetType: "user", targetId: user.id });
  return { recoveryCodes: codes };
}

export async function twoFactorStatus(userId: number) {
  const row = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabled: true, recoveryCodes: true } });
  return { enabled: row.totpEnabled, recoveryCodesLeft: row.recoveryCodes.length };
}
