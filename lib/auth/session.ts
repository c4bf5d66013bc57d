import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/client";
import { authOptions } from "./options";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
  columnIds: number[];
}

/**
 * The logged-in user, read fresh from the database on every request: a disabled
 * user, or one whose session version moved on (logout, password change), has no session.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({
    where: { id },
    include: { columns: { select: { columnId: true } } },
  });
  if (!user || user.disabled || user.sessionVersion !== session.user.sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    columnIds: user.columns.map((c) => c.columnId),
  };
});

/** For admin pages: the user, or a redirect to the login page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/admin/login");
  return user;
}

export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) redirect("/admin?denied=1");
  return user;
}
