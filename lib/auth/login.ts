import type { User as AuthUser } from "next-auth";
import { z } from "zod";
import { audit } from "@/lib/audit/log";
import { db, type User } from "@/lib/db/client";
import { formatTime } from "@/lib/format/date";
import { clientIpOf } from "@/lib/security/client-ip";
import {
  ACCOUNT_LOCK,
  LOGIN_IP_RULE,
  accountSucceeded,
  giveBack,
  giveBackAccountAttempt,
  ipKey,
  pruneThrottle,
  takeAccountAttempt,
  takeAttempt,
} from "@/lib/security/login-throttle";
import { consumeRecoveryCode, looksLikeRecoveryCode } from "@/lib/security/recovery-codes";
import { open } from "@/lib/security/secret-box";
import { verifyTotp } from "@/lib/security/totp";
import { LoginError } from "./login-errors";
import { dummyPasswordHash, verifyPassword } from "./password";

export { LoginError } from "./login-errors";

export const TOTP_PURPOSE = "totp-secret";
/** Five failures lock the account for 15 minutes (等保 2.0 登录失败处理). */
export const LOCK_AFTER_FAILURES = ACCOUNT_LOCK.failures;
export const LOCK_MINUTES = ACCOUNT_LOCK.minutes;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(256),
  code: z.string().trim().max(32).optional().default(""),
});

export type RequestLike = { headers?: Record<string, string | string[] | undefined> };

function header(req: RequestLike | undefined, name: string): string {
  const value = req?.headers?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** The address the app server resolved from the socket (lib/security/client-ip.ts), never one the client wrote. */
export function clientIp(req: RequestLike | undefined): string {
  return clientIpOf((name) => header(req, name));
}

/** The locked-login error, with the end of the lock rounded up to the minute (the form says "try after HH:mm"). */
function lockedError(lockedUntil: Date): Error {
  return new Error(`${LoginError.locked}:${formatTime(new Date(Math.ceil(lockedUntil.getTime() / 60_000) * 60_000))}`);
}

/**
 * Checks email + password (+ second factor). The attempt is counted for the client
 * address and for the email before the password is checked, each in one conditional
 * statement (lib/security/login-throttle.ts): a batch of guesses sent at once gets no
 * more checks than guesses sent one by one. Every path verifies one argon2id hash, so
 * an unknown email, a wrong password and a locked account take the same time; an
 * unknown email locks like a known one. Every attempt is audited, never with the
 * password or the code.
 */
export async function authorizeCredentials(raw: unknown, req?: RequestLike): Promise<AuthUser | null> {
  const ip = clientIp(req);
  const userAgent = header(req, "user-agent");
  const parsed = credentialsSchema.safeParse(raw);
  const typedEmail = typeof (raw as { email?: unknown })?.email === "string" ? String((raw as { email: string }).email).slice(0, 254) : "";
  const fail = async (reason: string, user?: User | null) => {
    await audit({ actorId: user?.id ?? null, actorLabel: user?.email ?? typedEmail, action: "login.failure", targetType: "user", targetId: user?.id ?? "", ip, userAgent, detail: { reason } });
  };
  if (!parsed.success) {
    await fail("malformed");
    return null;
  }
  const { email, password, code } = parsed.data;
  const ipSlot = await takeAttempt(ipKey(ip), LOGIN_IP_RULE);
  if (!ipSlot) {
    await fail("ip-throttled");
    throw new Error(LoginError.rateLimited);
  }
  const attempt = await takeAccountAttempt(email);
  const user = await db().user.findUnique({ where: { email } });
  const usable = !!user && !user.disabled && attempt.ok;
  // One hash on every path (a dummy one for an unknown, disabled or locked account), so that time tells nothing.
  const passwordOk = await verifyPassword(usable ? user.passwordHash : await dummyPasswordHash(), password);

  if (!attempt.ok) {
    await fail("locked", user);
    if (attempt.lockedUntil) throw lockedError(attempt.lockedUntil);
    return null;
  }
  // A failure that reaches the limit leaves the account locked (takeAccountAttempt set it): say until when.
  const failed = async (reason: string) => {
    await fail(reason, user);
    if (!attempt.last || !attempt.lockedUntil) return;
    await audit({ actorId: user?.id ?? null, actorLabel: user?.email ?? email, action: "login.locked", targetType: "user", targetId: user?.id ?? "", ip, userAgent, detail: { minutes: LOCK_MINUTES } });
    throw lockedError(attempt.lockedUntil);
  };
  if (!user || !usable || !passwordOk) {
    await failed(!user ? "unknown-user" : user.disabled ? "disabled" : "bad-password");
    return null;
  }

  if (user.totpEnabled) {
    if (!code) {
      // The right password, but no verdict yet: this attempt does not count (the one with the code will).
      await giveBackAccountAttempt(email);
      await giveBack(ipSlot);
      await audit({ actorId: user.id, actorLabel: user.email, action: "login.challenge", targetType: "user", targetId: user.id, ip, userAgent, detail: { factor: "totp" } });
      throw new Error(LoginError.totpRequired);
    }
    const factor = await checkSecondFactor(user, code);
    if (!factor) {
      await failed("bad-second-factor");
      throw new Error(LoginError.totpInvalid);
    }
    if (factor === "recovery-code") {
      await audit({ actorId: user.id, actorLabel: user.email, action: "user.2fa.recovery-code-used", targetType: "user", targetId: user.id, ip, userAgent });
    }
  }

  await accountSucceeded(email);
  await giveBack(ipSlot);
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await audit({ actorId: user.id, actorLabel: user.email, action: "login.success", targetType: "user", targetId: user.id, ip, userAgent, detail: { twoFactor: user.totpEnabled } });
  // Housekeeping on a path that is rare and not under attack.
  void pruneThrottle().catch(() => {});
  return { id: String(user.id), email: user.email, name: user.name, sessionVersion: user.sessionVersion } as AuthUser;
}

/** A TOTP code (each time step once) or an unused recovery code (each once). */
async function checkSecondFactor(user: User, code: string): Promise<"totp" | "recovery-code" | null> {
  if (looksLikeRecoveryCode(code)) {
    const left = consumeRecoveryCode(user.recoveryCodes, code);
    if (!left) return null;
    // Conditional on the list not having changed: two logins cannot spend one code.
    const spent = await db().user.updateMany({ where: { id: user.id, recoveryCodes: { equals: user.recoveryCodes } }, data: { recoveryCodes: left } });
    return spent.count === 1 ? "recovery-code" : null;
  }
  const secret = user.totpSecret ? open(user.totpSecret, TOTP_PURPOSE) : null;
  if (!secret) return null;
  const step = verifyTotp(secret, code, Date.now(), user.totpLastStep);
  if (step === null) return null;
  const used = await db().user.updateMany({ where: { id: user.id, totpLastStep: { lt: step } }, data: { totpLastStep: step } });
  return used.count === 1 ? "totp" : null;
}
