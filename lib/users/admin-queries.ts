import "server-only";
import { db } from "@/lib/db/client";
import { accountLocks } from "@/lib/security/login-throttle";
import { SYSTEM_EMAIL } from "./bootstrap";

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  mustChangePassword: true,
  totpEnabled: true,
  lastLoginAt: true,
  createdAt: true,
  columns: { select: { column: { select: { id: true, name: true } } }, orderBy: { column: { position: "asc" as const } } },
};

/** Every account an admin manages (the system account is not one: it never logs in). */
export async function listUsers() {
  const rows = await db().user.findMany({
    where: { email: { not: SYSTEM_EMAIL } },
    orderBy: [{ disabled: "asc" }, { role: "asc" }, { id: "asc" }],
    select: userSelect,
  });
  const locks = await accountLocks(rows.map((r) => r.email));
  return rows.map((row) => flatten(row, locks));
}

export async function getUserForAdmin(id: number) {
  const row = await db().user.findFirst({ where: { id, email: { not: SYSTEM_EMAIL } }, select: userSelect });
  return row ? flatten(row, await accountLocks([row.email])) : null;
}

/** The columns as a plain list, and the login lock (kept per email: lib/security/login-throttle.ts). */
function flatten<T extends { email: string; columns: { column: { id: number; name: string } }[] }>(
  row: T,
  locks: Map<string, Date>,
): Omit<T, "columns"> & { columns: { id: number; name: string }[]; lockedUntil: Date | null } {
  return { ...row, columns: row.columns.map((c) => c.column), lockedUntil: locks.get(row.email.toLowerCase()) ?? null };
}

export type AdminUser = Awaited<ReturnType<typeof listUsers>>[number];
