import { encode, getToken, type JWT } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_MAX_AGE_S, needsTouch, nowSeconds, sessionState } from "@/lib/auth/session-policy";
import { CSP_HEADER, adminPolicy, dynamicPublicPolicy } from "@/lib/security/csp-core.mjs";
import { ACTION_BODY_LIMIT_BYTES, createNonce, securityHeaders, servedOverHttps } from "@/lib/security/headers.mjs";

/**
 * Runs before every request Next.js answers (the public site never reaches Next.js:
 * scripts/server.ts answers it) but the build's static assets and the two upload
 * endpoints (see `config` below):
 * 1. guards the admin: no live session (anonymous, idle 30 min, older than 12 h) → the
 *    login page. Pages and server actions still check the session and role themselves
 *    (getSessionUser, which also checks the session version) — this only keeps
 *    anonymous visitors out early and records activity for the idle timeout;
 * 2. sets the security headers and the Content-Security-Policy with a per-request
 *    nonce (see SECURITY.md);
 * 3. tells the render which path it serves (requireUser's security-step redirect).
 */
const LOGIN_PATH = "/admin/login";
const BODY_TOO_LARGE = `提交的内容过大（超过 ${ACTION_BODY_LIMIT_BYTES / 1024 / 1024} MB），请减少内容后重试；大文件请通过媒体库上传。`;
const PATH_HEADER = "x-gazette-path";
const dev = process.env.NODE_ENV === "development";
const secureCookies = () => process.env.SECURE_COOKIES === "true";
const sessionCookie = () => (secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token");

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const admin = pathname === "/admin" || pathname.startsWith("/admin/") || pathname.startsWith("/api/auth");
  const nonce = createNonce();
  const dynamicPolicy = admin ? adminPolicy(nonce, dev) : dynamicPublicPolicy(nonce, dev);

  // Next.js would read the whole body and then fail with a bare 500; say it plainly, before reading anything.
  if (request.headers.has("next-action") && Number(request.headers.get("content-length")) > ACTION_BODY_LIMIT_BYTES) {
    return finish(new NextResponse(BODY_TOO_LARGE, { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } }), admin, dynamicPolicy, request);
  }

  let touched: JWT | null = null;
  if (admin && pathname !== LOGIN_PATH && !pathname.startsWith("/api/")) {
    const secret = process.env.NEXTAUTH_SECRET;
    const token = secret ? await getToken({ req: request, secret, secureCookie: secureCookies() }) : null;
    const now = nowSeconds();
    const state = sessionState(token, now);
    // A server action answers "unauthenticated" itself; a redirect would only confuse the form.
    if (state !== "live" && !request.headers.has("next-action")) return finish(toLogin(request, state !== "anonymous"), admin, dynamicPolicy, request);
    if (token && state === "live" && needsTouch(token, now)) touched = { ...token, seenAt: now };
  }

  const forwarded = new Headers(request.headers);
  forwarded.set(PATH_HEADER, pathname);
  forwarded.set("x-nonce", nonce);
  // Next.js reads the nonce from the request's policy and stamps it on its own scripts.
  forwarded.set(CSP_HEADER, dynamicPolicy);
  const response = NextResponse.next({ request: { headers: forwarded } });
  if (touched) await setSessionCookie(response, touched);
  return finish(response, admin, dynamicPolicy, request);
}

function finish(response: NextResponse, admin: boolean, dynamicPolicy: string, request: NextRequest): NextResponse {
  const https = servedOverHttps(request.headers.get("x-forwarded-proto"));
  for (const [name, value] of Object.entries(securityHeaders({ admin, https }))) response.headers.set(name, value);
  response.headers.set(CSP_HEADER, dynamicPolicy);
  return response;
}

function toLogin(request: NextRequest, expired: boolean): NextResponse {
  const url = new URL(LOGIN_PATH, request.url);
  url.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  if (expired) url.searchParams.set("expired", "1");
  const response = NextResponse.redirect(url);
  if (expired) response.cookies.delete(sessionCookie());
  return response;
}

/** Records activity: the same token with a new seenAt, re-encrypted into the session cookie. */
async function setSessionCookie(response: NextResponse, token: JWT) {
  const value = await encode({ token, secret: process.env.NEXTAUTH_SECRET!, maxAge: SESSION_MAX_AGE_S });
  response.cookies.set(sessionCookie(), value, { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies(), maxAge: SESSION_MAX_AGE_S });
}

export const config = {
  // Not on the build's static assets, nor the upload and Word import endpoints, whose
  // large bodies the proxy would buffer (and cut at 10 MB): next.config.js gives those
  // two their headers.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/media$|api/articles/import$).+)"],
};
