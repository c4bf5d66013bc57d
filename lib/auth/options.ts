import type { AuthOptions, User as AuthUser } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { dummyPasswordHash, verifyPassword } from "./password";

/** Sessions end after 12 hours whatever happens, and after 30 idle minutes. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;
export const SESSION_IDLE_S = 30 * 60;
const LOCK_AFTER_FAILURES = 5;
const LOCK_MINUTES = 15;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(256),
});

type RequestLike = { headers?: Record<string, string | string[] | undefined> };

function header(req: RequestLike | undefined, name: string): string {
  const value = req?.headers?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export function clientIp(req: RequestLike | undefined): string {
  return header(req, "x-forwarded-for").split(",")[0].trim() || header(req, "x-real-ip");
}

export async function authorizeCredentials(raw: unknown, req?: RequestLike): Promise<AuthUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  const ip = clientIp(req);
  const userAgent = header(req, "user-agent");
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db().user.findUnique({ where: { email } });
  // Hash even for an unknown email, so that the response time does not tell which emails exist.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const now = new Date();
  const locked = !!user?.lockedUntil && user.lockedUntil > now;
  if (!user || !ok || user.disabled || locked) {
    if (user && !ok && !locked) {
      const failures = user.failedLoginCount + 1;
      await db().user.update({
        where: { id: user.id },
        data: {
          failedLoginCount: failures >= LOCK_AFTER_FAILURES ? 0 : failures,
          lockedUntil: failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : undefined,
        },
      });
    }
    await audit({
      actorId: user?.id ?? null,
      actorLabel: email,
      action: "login.failure",
      targetType: "user",
      targetId: user?.id ?? "",
      ip,
      userAgent,
      detail: { reason: !user ? "unknown-user" : user.disabled ? "disabled" : locked ? "locked" : "bad-password" },
    });
    return null;
  }
  await db().user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
  await audit({ actorId: user.id, actorLabel: user.email, action: "login.success", targetType: "user", targetId: user.id, ip, userAgent });
  return { id: String(user.id), email: user.email, name: user.name, sessionVersion: user.sessionVersion } as AuthUser;
}

export const authOptions: AuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S, updateAge: 60 },
  pages: { signIn: "/admin/login" },
  useSecureCookies: process.env.SECURE_COOKIES === "true",
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: {
        email: { label: "邮箱", type: "email" },
        password: { label: "密码", type: "password" },
      },
      authorize: (credentials, req) => authorizeCredentials(credentials, req as RequestLike),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      const now = Math.floor(Date.now() / 1000);
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as AuthUser & { sessionVersion: number }).sessionVersion;
        token.loginAt = now;
      }
      // Idle timeout: a token not refreshed for 30 minutes is dead.
      if (typeof token.seenAt === "number" && now - token.seenAt > SESSION_IDLE_S) return { ...token, uid: 0 };
      token.seenAt = now;
      return token;
    },
    async session({ session, token }) {
      session.user = { ...session.user, id: Number(token.uid ?? 0), sessionVersion: Number(token.sv ?? -1) };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (!token?.uid) return;
      // Logging out ends every copy of this session, not just this browser's cookie.
      await db().user.update({ where: { id: Number(token.uid) }, data: { sessionVersion: { increment: 1 } } });
      await audit({ actorId: Number(token.uid), action: "logout", targetType: "user", targetId: Number(token.uid) });
    },
  },
};
