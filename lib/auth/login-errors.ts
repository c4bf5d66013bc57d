/**
 * What authorize() throws so that the login form can ask for the next thing. next-auth
 * hands the message to the client as `error`; null (bad credentials) arrives as
 * "CredentialsSignin". A locked account answers like a wrong password: no enumeration.
 * Pure, so that the login form (a client component) shares the names.
 */
export const LoginError = {
  rateLimited: "RATE_LIMITED",
  totpRequired: "TOTP_REQUIRED",
  totpInvalid: "TOTP_INVALID",
} as const;
