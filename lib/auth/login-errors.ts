/**
 * What authorize() throws so that the login form can ask for the next thing. next-auth
 * hands the message to the client as `error`; null (bad credentials) arrives as
 * "CredentialsSignin". Pure, so that the login form (a client component) shares the names.
 *
 * A locked login is told with its end, "ACCOUNT_LOCKED:HH:mm" (site time zone). Any
 * email locks alike, known or not (lib/security/login-throttle.ts), so this tells a
 * stranger nothing about which accounts exist.
 */
export const LoginError = {
  rateLimited: "RATE_LIMITED",
  totpRequired: "TOTP_REQUIRED",
  totpInvalid: "TOTP_INVALID",
  locked: "ACCOUNT_LOCKED",
} as const;

/** The end of the lock ("HH:mm") carried by a locked-login error, or null. */
export function lockedUntilOf(error: string | null | undefined): string | null {
  const match = /^ACCOUNT_LOCKED:(\d{2}:\d{2})$/.exec(error ?? "");
  return match ? match[1] : null;
}
