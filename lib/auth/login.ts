import type { User as AuthUser } from "next-auth";
import { z } from "zod";
import { audit } from "@/lib/audit/log";
import { db, type User } from "@/lib/db/client";
import { clientIpFrom } from "@/lib/security/client-ip";
import { LOGIN_IP_RULE, isThrottled, pruneThrottle, recordFailure } from "@/lib/security/login-throttle";
import { consumeRecoveryCode, looksLikeRecoveryCode } from "@/lib/security/recovery-codes";
import { open } from "@/lib/security/secret-box";
import { verifyTotp } from "@/lib/security/totp";
import { LoginError } from "./login-errors";
import { dummyPasswordHash, verifyPassword } from "./password";

export { LoginError } from "./login-errors";

/** Five failures lock the account for 15 minutes (等保 2.0 登录失败处理). */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const TOTP_PURPOSE = "totp-secret";


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

export function clientIp(req: RequestLike | undefined): string {
  return clientIpFrom(header(req, "x-forwarded-for"), header(req, "x-real-ip"));
}

/**
 * Checks email + password (+ second factor). Every path verifies one argon2id hash,
 * so an unknown email, a wrong password and a locked account take the same time.
 * Every attempt is audited, never with the password or the code.
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
  const ipKey = `ip:${ip || "unknown"}`;
  if (await isThrottled(ipKey, LOGIN_IP_RULE)) {
    await fail("ip-throttled");
    throw new Error(LoginError.rateLimited);
  }
  const user = await db().user.findUnique({ where: { email } });
  // Hash even for an unknown email, so that the response time does not tell which emails exist.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const now = new Date();
  const locked = !!user?.lockedUntil && user.lockedUntil > now;

  if (!user || user.disabled || locked || !passwordOk) {
    await recordFailure(ipKey, LOGIN_IP_RULE);
    if (user && !passwordOk && !locked && !user.disabled) await countAccountFailure(user, ip, userAgent);
    await fail(!user ? "unknown-user" : user.disabled ? "disabled" : locked ? "locked" : "bad-password", user);
    return null;
  }

  if (user.totpEnabled) {
    if (!code) {
      await audit({ actorId: user.id, actorLabel: user.email, action: "login.challenge", targetType: "user", targetId: user.id, ip, userAgent, detail: { factor: "totp" } });
      throw new Error(LoginError.totpRequired);
    }
    const factor = await checkSecondFactor(user, code);
    if (!factor) {
      await recordFailure(ipKey, LOGIN_IP_RULE);
      await countAccountFailure(user, ip, userAgent);
      await fail("bad-second-factor", user);
      throw new Error(LoginError.totpInvalid);
    }
    if (factor === "recovery-code") {
      await audit({ actorId: user.id, actorLabel: user.email, action: "user.2fa.recovery-code-used", targetType: "user", targetId: user.id, ip, userAgent });
    }
  }

  await db().user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
  await audit({ actorId: user.id, actorLabel: user.email, action: "login.success", targetType: "user", targetId: user.id, ip, userAgent, detail: { twoFactor: user.totpEnabled } });
  // Housekeeping on a path that is rare and not under attack.
  void pruneThrottle().catch(() => {});
  return { id: String(user.id), email: user.email, name: user.name, sessionVersion: user.sessionVersion } as AuthUser;
}

/** Increments the failure count in one statement (concurrent failures all count) and locks at the limit. */
async function countAccountFailure(user: User, ip: string, userAgent: string) {
  const rows = await db().$queryRaw<{ lockedUntil: Date | null; failedLoginCount: number }[]>`
    UPDATE "User" SET
      "failedLoginCount" = CASE WHEN "failedLoginCount" + 1 >= ${LOCK_AFTER_FAILURES} THEN 0 ELSE "failedLoginCount" + 1 END,
      "lockedUntil" = CASE WHEN "failedLoginCount" + 1 >= ${LOCK_AFTER_FAILURES}
                      THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE "lockedUntil" END
    WHERE "id" = ${user.id}
    RETURNING "lockedUntil", "failedLoginCount"`;
  const row = rows[0];
  if (row?.lockedUntil && row.lockedUntil > new Date() && row.failedLoginCount === 0) {
    await audit({ actorId: user.id, actorLabel: user.email, action: "login.locked", targetType: "user", targetId: user.id, ip, userAgent, detail: { minutes: LOCK_MINUTES } });
  }
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
