import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { db } from "@/lib/db/client";
import { hashRecoveryCode } from "@/lib/security/recovery-codes";
import { seal } from "@/lib/security/secret-box";
import { LOGIN_IP_RULE } from "@/lib/security/login-throttle";
import { generateTotpSecret, totpCode } from "@/lib/security/totp";
import { LOCK_AFTER_FAILURES, LoginError, TOTP_PURPOSE, authorizeCredentials } from "./login";
import { hashPassword } from "./password";

setupTestDatabase();

const PASSWORD = "Correct-Horse-42";
let ipCounter = 0;
/** A fresh client address per test, so the per-IP limit of one test does not leak into the next. */
const fromIp = (ip = `198.51.100.${++ipCounter}`) => ({ headers: { "x-forwarded-for": `10.9.9.9, ${ip}`, "user-agent": "vitest" } });

async function makeUser(email: string, extra: Record<string, unknown> = {}) {
  return db().user.create({ data: { email, name: "测试", passwordHash: await hashPassword(PASSWORD), ...extra } });
}

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "login-test-secret-login-test-secret-0123456789";
});

describe("login", () => {
  beforeEach(async () => {
    await db().loginThrottle.deleteMany();
  });

  it("accepts the right password, audits it and resets the failure count", async () => {
    const user = await makeUser("ok@example.cn", { failedLoginCount: 3 });
    const result = await authorizeCredentials({ email: "OK@example.cn ", password: PASSWORD }, fromIp("198.51.100.200"));
    expect(result).toMatchObject({ id: String(user.id), email: "ok@example.cn" });
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.failedLoginCount).toBe(0);
    expect(after.lastLoginAt).not.toBeNull();
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "login.success", actorId: user.id } });
    // The last X-Forwarded-For hop is the address the nearest proxy saw; earlier ones are the client's claim.
    expect(entry.ip).toBe("198.51.100.200");
  });

  it("answers an unknown email and a wrong password alike, and audits both", async () => {
    await makeUser("known@example.cn");
    expect(await authorizeCredentials({ email: "nobody@example.cn", password: PASSWORD }, fromIp())).toBeNull();
    expect(await authorizeCredentials({ email: "known@example.cn", password: "Wrong-Password-1" }, fromIp())).toBeNull();
    const reasons = (await db().auditEntry.findMany({ where: { action: "login.failure" }, orderBy: { id: "asc" } })).map((e) => (e.detail as { reason: string }).reason);
    expect(reasons.slice(-2)).toEqual(["unknown-user", "bad-password"]);
  });

  it("takes similar time for an unknown email and a wrong password", async () => {
    await makeUser("timing@example.cn");
    const time = async (email: string) => {
      const started = performance.now();
      await authorizeCredentials({ email, password: "Wrong-Password-1" }, fromIp());
      return performance.now() - started;
    };
    await time("warmup@example.cn");
    const unknown: number[] = [];
    const known: number[] = [];
    for (let i = 0; i < 4; i++) {
      unknown.push(await time(`ghost${i}@example.cn`));
      known.push(await time("timing@example.cn"));
      await db().user.update({ where: { email: "timing@example.cn" }, data: { failedLoginCount: 0, lockedUntil: null } });
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // Both are dominated by one argon2id verification (tens of ms); the difference is a few queries.
    expect(Math.abs(median(unknown) - median(known))).toBeLessThan(Math.max(median(known), median(unknown)) * 0.5);
  });

  it(`locks the account after ${LOCK_AFTER_FAILURES} failures for 15 minutes, even for the right password`, async () => {
    const user = await makeUser("lock@example.cn");
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      expect(await authorizeCredentials({ email: "lock@example.cn", password: `Wrong-${i}-Password` }, fromIp())).toBeNull();
    }
    const locked = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    const minutes = (locked.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15.1);
    expect(await authorizeCredentials({ email: "lock@example.cn", password: PASSWORD }, fromIp())).toBeNull();
    expect(await db().auditEntry.count({ where: { action: "login.locked", actorId: user.id } })).toBe(1);
    // Once the lock has run out, the right password works again.
    await db().user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await authorizeCredentials({ email: "lock@example.cn", password: PASSWORD }, fromIp())).not.toBeNull();
  });

  it("counts concurrent failures exactly (one atomic update each)", async () => {
    const user = await makeUser("race@example.cn");
    await Promise.all([1, 2, 3].map(() => authorizeCredentials({ email: "race@example.cn", password: "Wrong-Password-1" }, fromIp())));
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(3);
  });

  it("refuses a disabled account like a wrong password", async () => {
    await makeUser("off@example.cn", { disabled: true });
    expect(await authorizeCredentials({ email: "off@example.cn", password: PASSWORD }, fromIp())).toBeNull();
  });

  it("rate-limits failures per client IP across accounts, shared through the database", async () => {
    await makeUser("victim@example.cn");
    const ip = fromIp("203.0.113.77");
    for (let i = 0; i < LOGIN_IP_RULE.max; i++) {
      await authorizeCredentials({ email: `spray${i}@example.cn`, password: "Wrong-Password-1" }, ip);
    }
    await expect(authorizeCredentials({ email: "victim@example.cn", password: PASSWORD }, ip)).rejects.toThrow(LoginError.rateLimited);
    // Another address is not affected.
    expect(await authorizeCredentials({ email: "victim@example.cn", password: PASSWORD }, fromIp())).not.toBeNull();
    // The window ends: the address may try again.
    await db().loginThrottle.update({ where: { key: "ip:203.0.113.77" }, data: { windowStart: new Date(Date.now() - 16 * 60_000) } });
    expect(await authorizeCredentials({ email: "victim@example.cn", password: PASSWORD }, ip)).not.toBeNull();
  });

  it("asks for the second factor, accepts a TOTP code once, and a recovery code once", async () => {
    const secret = generateTotpSecret();
    const codes = ["abcde-fghjk", "mnpqr-stuvw"];
    const user = await makeUser("2fa@example.cn", { totpEnabled: true, totpSecret: seal(secret, TOTP_PURPOSE), recoveryCodes: codes.map(hashRecoveryCode) });
    const ip = fromIp();
    await expect(authorizeCredentials({ email: "2fa@example.cn", password: PASSWORD }, ip)).rejects.toThrow(LoginError.totpRequired);
    await expect(authorizeCredentials({ email: "2fa@example.cn", password: PASSWORD, code: "000000" === totpCode(secret) ? "111111" : "000000" }, ip)).rejects.toThrow(LoginError.totpInvalid);
    const code = totpCode(secret);
    expect(await authorizeCredentials({ email: "2fa@example.cn", password: PASSWORD, code }, ip)).not.toBeNull();
    // The same code again is a replay.
    await expect(authorizeCredentials({ email: "2fa@example.cn", password: PASSWORD, code }, ip)).rejects.toThrow(LoginError.totpInvalid);
    expect(await authorizeCredentials({ email: "2fa@example.cn", password: PASSWORD, code: "ABCDE FGHJK" }, ip)).not.toBeNull();
    await expect(authorizeCredentials({ email: "2fa@example.cn", password: PASSWORD, code: "abcde-fghjk" }, ip)).rejects.toThrow(LoginError.totpInvalid);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).recoveryCodes).toHaveLength(1);
    // A wrong password never reveals whether the account uses 2FA.
    expect(await authorizeCredentials({ email: "2fa@example.cn", password: "Wrong-Password-1" }, ip)).toBeNull();
  });

  it("never writes the password, its hash or a code into the audit log", async () => {
    const user = await makeUser("secret@example.cn");
    await authorizeCredentials({ email: "secret@example.cn", password: "Leaky-Password-77" }, fromIp());
    await authorizeCredentials({ email: "secret@example.cn", password: PASSWORD, code: "123456" }, fromIp());
    const dump = JSON.stringify(await db().auditEntry.findMany(), (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(dump).not.toContain("Leaky-Password-77");
    expect(dump).not.toContain(PASSWORD);
    expect(dump).not.toContain(user.passwordHash);
    expect(dump).not.toContain("$argon2");
  });
});
