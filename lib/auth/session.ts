import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/client";
import { authOptions } from "./options";
import { STAFF_2FA_ROLES } from "./session-policy";

export { STAFF_2FA_ROLES } from "./session-policy";

/**
 * Something the user must do before anything else: change a password an admin set,
 * or set up two-factor login when the site requires it for their role.
 */
export type SecurityStep = "change-password" | "setup-2fa";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
  columnIds: number[];
  /** Set when the user must first change their password or set up 2FA (only the account page and its actions work). */
  securityStep?: SecurityStep | null;
  totpEnabled?: boolean;
}


/** Where a user with a pending security step is sent; the only pages they may open. */
export const ACCOUNT_PATH = "/admin/account";

/** Request header the proxy sets to the path being served, so a layout knows where it is. */
export const PATH_HEADER = "x-gazette-path";

/**
 * The logged-in user, read fresh from the database on every request: a disabled
 * user, or one whose session version moved on (logout, password change, disabling
 * by an admin), has no session. Idle and absolute expiry were checked on the token.
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
    totpEnabled: user.totpEnabled,
    securityStep: await securityStepFor(user),
  };
});

async function securityStepFor(user: { mustChangePassword: boolean; role: Role; totpEnabled: boolean }): Promise<SecurityStep | null> {
  if (user.mustChangePassword) return "change-password";
  if (user.totpEnabled || !STAFF_2FA_ROLES.includes(user.role)) return null;
  const settings = await db().siteSettings.findUnique({ where: { id: 1 }, select: { require2faForStaff: true } });
  return settings?.require2faForStaff ? "setup-2fa" : null;
}

/**
 * For admin pages: the user, or a redirect to the login page. A user with a pending
 * security step is sent to the account page from everywhere else.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/admin/login");
  if (user.securityStep && !(await onAccountPage())) redirect(`${ACCOUNT_PATH}?required=${user.securityStep}`);
  return user;
}

async function onAccountPage(): Promise<boolean> {
  const path = (await headers()).get(PATH_HEADER) ?? "";
  return path === ACCOUNT_PATH || path.startsWith(`${ACCOUNT_PATH}/`);
}

export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) redirect("/admin?denied=1");
  return user;
}
