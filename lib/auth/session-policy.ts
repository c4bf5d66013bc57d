/**
 * Session lifetime rules, pure so that the proxy (every request), the next-auth
 * callbacks and the tests share one definition: 30 idle minutes, 12 hours at most.
 */
import type { Role } from "@/generated/prisma/enums";

/** Roles that must use two-factor login when the site setting require2faForStaff is on. */
export const STAFF_2FA_ROLES: readonly Role[] = ["ADMIN", "REVIEWER"];

export const SESSION_MAX_AGE_S = 12 * 60 * 60;
export const SESSION_IDLE_S = 30 * 60;
/** The proxy re-issues the cookie at most once a minute to record activity. */
export const SESSION_TOUCH_S = 60;

export interface SessionClaims {
  uid?: unknown;
  sv?: unknown;
  loginAt?: unknown;
  seenAt?: unknown;
}

export type SessionState = "live" | "idle" | "expired" | "anonymous";

export function sessionState(token: SessionClaims | null | undefined, nowS: number): SessionState {
  if (!token || typeof token.uid !== "number" || token.uid <= 0) return "anonymous";
  if (typeof token.loginAt !== "number" || nowS - token.loginAt > SESSION_MAX_AGE_S) return "expired";
  if (typeof token.seenAt !== "number" || nowS - token.seenAt > SESSION_IDLE_S) return "idle";
  return "live";
}

/** Should the proxy record activity (re-issue the cookie with a new seenAt)? */
export function needsTouch(token: SessionClaims, nowS: number): boolean {
  return typeof token.seenAt === "number" && nowS - token.seenAt >= SESSION_TOUCH_S;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
