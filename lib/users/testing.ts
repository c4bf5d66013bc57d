/**
 * Helpers for integration tests of admin actions (imported by *.test.ts only). The
 * tests mock getSessionUser alone (test/session.ts); the users themselves are real rows.
 */
import type { SessionUser } from "@/lib/auth/session";
import { db, type Role } from "@/lib/db/client";

let counter = 0;

/** A real user row, returned in the shape getSessionUser() gives. No real password: it never logs in. */
export async function createTestUser(role: Role, data: { name?: string; email?: string; columnIds?: number[] } = {}): Promise<SessionUser> {
  counter += 1;
  const email = data.email ?? `${role.toLowerCase()}-${counter}-${Date.now()}@test.invalid`;
  const user = await db().user.create({
    data: {
      email,
      name: data.name ?? `${role}-${counter}`,
      role,
      passwordHash: "not-a-hash",
      columns: data.columnIds ? { create: data.columnIds.map((columnId) => ({ columnId })) } : undefined,
    },
  });
  return { id: user.id, email, name: user.name, role, mustChangePassword: false, columnIds: data.columnIds ?? [] };
}

/** The newest audit entry with this action, for asserting what an action recorded. */
export async function lastAudit(action: string) {
  return db().auditEntry.findFirst({ where: { action }, orderBy: { id: "desc" } });
}
