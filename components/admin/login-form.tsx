"use client";

import { signIn } from "next-auth/react";
import { Fragment, useRef, useState } from "react";
import { LoginError, lockedUntilOf } from "@/lib/auth/login-errors";
import { t } from "@/lib/i18n/zh-CN";
import { safeRedirectPath } from "@/lib/security/safe-redirect";
import { fill } from "./governance-text";

/** What authorize() throws; anything else is bad credentials. */
const ERRORS: Record<string, string> = {
  [LoginError.rateLimited]: t.security.rateLimited,
  [LoginError.totpInvalid]: t.security.totpInvalid,
};

/**
 * Email + password, then — for accounts with two-factor login — the code from the
 * authenticator app (or a recovery code). The password stays in this form's memory
 * between the two steps only, and is sent again with the code.
 */
export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);
  const [needCode, setNeedCode] = useState(false);
  const credentials = useRef({ email: "", password: "" });

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError("");
    const form = new FormData(event.currentTarget);
    if (!needCode) credentials.current = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    const result = await signIn("credentials", { ...credentials.current, code: String(form.get("code") ?? ""), redirect: false });
    if (result?.ok && !result.error) {
      // The page checked it already; checked again against the origin the browser is really on.
      window.location.assign(safeRedirectPath(callbackUrl, window.location.origin));
      return;
    }
    setPending(false);
    if (result?.error === LoginError.totpRequired) {
      setNeedCode(true);
      return;
    }
    const lockedUntil = lockedUntilOf(result?.error);
    if (lockedUntil) setError(fill(t.security.lockedUntil, { time: lockedUntil }));
    else setError(ERRORS[result?.error ?? ""] ?? t.admin.badCredentials);
  }

  function restart() {
    credentials.current = { email: "", password: "" };
    setNeedCode(false);
    setError("");
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      {notice && !error && (
        <p className="form-notice" data-testid="login-notice">
          {notice}
        </p>
      )}
      {/* Keyed, so that React never reuses the password input for the code (it would show the password). */}
      {needCode ? (
        <Fragment key="code">
          <p>{t.security.totpPrompt}</p>
          <label className="field">
            <span>{t.security.totpLabel}</span>
            <input name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus maxLength={16} />
          </label>
        </Fragment>
      ) : (
        <Fragment key="credentials">
          <label className="field">
            <span>{t.admin.email}</span>
            <input name="email" type="email" autoComplete="username" required />
          </label>
          <label className="field">
            <span>{t.admin.password}</span>
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
        </Fragment>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="login-error">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? t.admin.loggingIn : needCode ? t.security.verify : t.admin.login}
      </button>
      {needCode && (
        <button type="button" className="button" onClick={restart}>
          {t.security.backToLogin}
        </button>
      )}
    </form>
  );
}
