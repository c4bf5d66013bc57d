import type { AuthOptions, User as AuthUser } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { safeRedirectPath } from "@/lib/security/safe-redirect";
import { authorizeCredentials, type RequestLike } from "./login";
import { SESSION_MAX_AGE_S, nowSeconds, sessionState } from "./session-policy";

export { SESSION_IDLE_S, SESSION_MAX_AGE_S } from "./session-policy";
export { authorizeCredentials } from "./login";

export const secureCookies = () => process.env.SECURE_COOKIES === "true";

export const authOptions: AuthOptions = {
  // The cookie lives as long as the absolute limit; idle and absolute expiry are checked
  // from the token's own times (loginAt, seenAt) on every request (session-policy.ts).
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S, updateAge: 60 },
  pages: { signIn: "/admin/login", error: "/admin/login" },
  // HttpOnly + SameSite=Lax are next-auth's defaults; Secure (and the __Secure- prefix) behind HTTPS.
  useSecureCookies: secureCookies(),
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: {
        email: { label: "邮箱", type: "email" },
        password: { label: "密码", type: "password" },
        code: { label: "验证码", type: "text" },
      },
      authorize: (credentials, req) => authorizeCredentials(credentials, req as RequestLike),
    }),
  ],
  callbacks: {
    // next-auth's own redirects (signIn / signOut with a callbackUrl): the same rule as the login page.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeRedirectPath(url, baseUrl, "/admin/login")}`;
    },
    async jwt({ token, user }) {
      const now = nowSeconds();
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as AuthUser & { sessionVersion: number }).sessionVersion;
        token.loginAt = now;
        token.seenAt = now;
      }
      // An idle or too old session is dead, whatever the cookie's own expiry says.
      if (sessionState(token, now) !== "live") return { ...token, uid: 0 };
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
