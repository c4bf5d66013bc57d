import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { passwordProblems } from "@/lib/security/password-policy";

export const SYSTEM_EMAIL = "system@gazette.invalid";

/**
 * The account demo content and scheduled jobs are attributed to. It cannot log in:
 * it is disabled and its password is a random value nobody knows.
 */
export async function ensureSystemUser(): Promise<number> {
  const existing = await db().user.findUnique({ where: { email: SYSTEM_EMAIL }, select: { id: true } });
  if (existing) return existing.id;
  const user = await db().user.upsert({
    where: { email: SYSTEM_EMAIL },
    update: {},
    create: {
      email: SYSTEM_EMAIL,
      name: "系统",
      role: "EDITOR",
      disabled: true,
      passwordHash: await hashPassword(crypto.randomBytes(32).toString("base64url")),
    },
  });
  return user.id;
}

const ADMIN_NAME = "管理员";

/**
 * Creates the first admin when there is none: from ADMIN_EMAIL / ADMIN_PASSWORD, or
 * with a generated password that is printed once. There is no default password.
 * ADMIN_PASSWORD must meet the password policy like any other (the start stops and
 * says which rule it breaks), and either way the admin chooses their own password at
 * first login: the given one sat in an environment file, the generated one in a log.
 */
export async function ensureAdmin(log: (message: string) => void = console.log): Promise<void> {
  const admins = await db().user.count({ where: { role: "ADMIN" } });
  if (admins > 0) return;
  const email = (process.env.ADMIN_EMAIL || "admin@gazette.local").toLowerCase();
  const given = process.env.ADMIN_PASSWORD;
  if (given) {
    const problems = passwordProblems(given, { email, name: ADMIN_NAME });
    if (problems.length > 0) throw new Error(`ADMIN_PASSWORD 不符合密码规则：${problems.join(" ")}`);
  }
  const password = given || generatePassword();
  const passwordHash = await hashPassword(password);
  await db().user.upsert({
    where: { email },
    update: { role: "ADMIN", disabled: false, passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
    create: { email, name: ADMIN_NAME, role: "ADMIN", passwordHash, mustChangePassword: true },
  });
  if (given) {
    log(`Created the admin account ${email} (password from ADMIN_PASSWORD; to be changed at first login).`);
  } else {
    log("");
    log("  ┌───────────────────────────────────────────────────────────────");
    log("  │ Gazette created the first admin account. This is shown only once:");
    log(`  │   email:    ${email}`);
    log(`  │   password: ${password}`);
    log("  │ Log in at /admin/login: you will be asked to choose your own password.");
    log("  └───────────────────────────────────────────────────────────────");
    log("");
  }
}
