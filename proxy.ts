import { withAuth } from "next-auth/middleware";

/**
 * Route guard: every admin page needs a session (the login page excepted). Pages and
 * server actions still check the session and role themselves — this only keeps
 * anonymous visitors out early.
 */
export const proxy = withAuth({ pages: { signIn: "/admin/login" } });

export const config = { matcher: ["/admin", "/admin/((?!login).*)"] };
