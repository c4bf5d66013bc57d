import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { generatePassword, hashPassword } from "@/lib/auth/password";

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

/**
 * Creates the first admin when there is none: from ADMIN_EMAIL / ADMIN_PASSWORD, or
 * with a generated password that is printed once. There is no default password.
 */
export async function ensureAdmin(log: (message: string) => void = console.log): Promise<void> {
  const admins = await db().user.count({ where: { role: "ADMIN" } });
  if (admins > 0) return;
  const email = (process.env.ADMIN_EMAIL || "admin@gazette.local").toLowerCase();
  const given = process.env.ADMIN_PASSWORD;
  const password = given || generatePassword();
  await db().user.upsert({
    where: { email },
    update: { role: "ADMIN", disabled: false, passwordHash: await hashPassword(password) },
    create: { email, name: "管理员", role: "ADMIN", passwordHash: await hashPassword(password) },
  });
  if (given) {
    log(`Created the admin account ${email} (password from ADMIN_PASSWORD).`);
  } else {
    log("");
    log("  ┌───────────────────────────────────────────────────────────────");
    log("  │ Gazette created the first admin account. This is shown only once:");
    log(`  │   email:    ${email}`);
    log(`  │   password: ${password}`);
    log("  │ Log in at /admin/login and keep the password somewhere safe.");
    log("  └───────────────────────────────────────────────────────────────");
    log("");
  }
}
