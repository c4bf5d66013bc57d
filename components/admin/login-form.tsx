"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { t } from "@/lib/i18n/zh-CN";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError("");
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(t.admin.badCredentials);
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <label className="field">
        <span>{t.admin.email}</span>
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label className="field">
        <span>{t.admin.password}</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="login-error">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? t.admin.loggingIn : t.admin.login}
      </button>
    </form>
  );
}
