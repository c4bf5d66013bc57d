/**
 * Where to send the browser after login (or any step that carries a "come back here"
 * target from the URL): a path of this site, never another origin. Pure, so the
 * login page (server), the login form (browser) and next-auth's redirect callback
 * share one rule.
 *
 * The target is resolved against the site's own origin, the way a browser would, and
 * kept only if it stays there. Before that, anything a browser would silently rewrite
 * is refused outright: the URL parser drops tabs and newlines and reads "\" as "/", so
 * "/\t/evil.example" and "/\evil.example" are "//evil.example" — another site. The
 * result is re-serialized from the parsed URL and never starts with "//".
 */
/** 工作台: where staff land after login unless a page sent them to log in. */
export const AFTER_LOGIN = "/admin";
const LOGIN_PAGE = "/admin/login";
const MAX_LENGTH = 2048;

export function safeRedirectPath(target: unknown, origin: string, fallback: string = AFTER_LOGIN): string {
  if (typeof target !== "string" || target.length === 0 || target.length > MAX_LENGTH) return fallback;
  // Control characters (tab, newline, NUL…), backslashes and any whitespace: nothing a real path of ours holds.
  if (/[\u0000-\u0020\u007f-\u00a0\\\s]/.test(target)) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || url.username || url.password) return fallback;
  // Only a path or an absolute URL of this origin: "admin/x" or "?a" would depend on the current page.
  if (!target.startsWith("/") && !target.toLowerCase().startsWith(`${base.origin.toLowerCase()}/`)) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Back to the login page itself would only ask again.
  if (url.pathname === LOGIN_PAGE || url.pathname.startsWith(`${LOGIN_PAGE}/`)) return fallback;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
