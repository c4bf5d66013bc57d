import "server-only";
import { db } from "@/lib/db/client";
import { SYSTEM_EMAIL } from "./bootstrap";

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  mustChangePassword: true,
  lockedUntil: true,
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
  return rows.map(flatten);
}

export async function getUserForAdmin(id: number) {
  const row = await db().user.findFirst({ where: { id, email: { not: SYSTEM_EMAIL } }, select: userSelect });
  return row ? flatten(row) : null;
}

function flatten<T extends { columns: { column: { id: number; name: string } }[] }>(
  row: T,
): Omit<T, "columns"> & { columns: { id: number; name: string }[] } {
  return { ...row, columns: row.columns.map((c) => c.column) };
}

export type AdminUser = Awaited<ReturnType<typeof listUsers>>[number];
