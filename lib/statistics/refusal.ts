import "server-only";
import type { Role } from "@/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session";

const TEXT = { "content-type": "text/plain; charset=utf-8" };

/** A download route's answer to a missing session (401) or a role not allowed (403); null when allowed. */
export function refusal(user: SessionUser | null, roles: readonly Role[]): Response | null {
  if (!user) return new Response("登录已过期，请重新登录。", { status: 401, headers: TEXT });
  if (!roles.includes(user.role) || user.securityStep) return new Response("您没有权限执行此操作。", { status: 403, headers: TEXT });
  return null;
}
