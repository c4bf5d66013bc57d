"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { changePasswordAction } from "@/lib/auth/actions";
import { t } from "@/lib/i18n/zh-CN";

type FieldErrors = Record<string, string[] | undefined>;

/** After a change every session ends, this one too: the user logs in again with the new password. */
export function ChangePasswordForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  const [fields, setFields] = useState<FieldErrors>({});

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError("");
    setFields({});
    const form = new FormData(event.currentTarget);
    const result = await changePasswordAction({
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
      confirmPassword: String(form.get("confirmPassword") ?? ""),
    });
    if (result.ok) {
      await signOut({ callbackUrl: "/admin/login?changed=1" });
      return;
    }
    setPending(false);
    const field = typeof result.details?.field === "string" ? result.details.field : null;
    setFields(field ? { [field]: [result.error] } : (result.fieldErrors ?? {}));
    if (!field && !result.fieldErrors) setError(result.error);
  }

  const fieldError = (name: string) =>
    fields[name]?.length ? (
      <span className="field-error" id={`${name}-error`}>
        {fields[name]!.join(" ")}
      </span>
    ) : null;

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <label className="field">
        <span>{t.security.currentPassword}</span>
        <input name="currentPassword" type="password" autoComplete="current-password" required aria-invalid={!!fields.currentPassword} aria-describedby="currentPassword-error" />
        {fieldError("currentPassword")}
      </label>
      <label className="field">
        <span>{t.security.newPassword}</span>
        <input name="newPassword" type="password" autoComplete="new-password" required aria-invalid={!!fields.newPassword} aria-describedby="newPassword-hint newPassword-error" />
        <span className="field-hint" id="newPassword-hint">
          {t.security.passwordHint}
        </span>
        {fieldError("newPassword")}
      </label>
      <label className="field">
        <span>{t.security.confirmPassword}</span>
        <input name="confirmPassword" type="password" autoComplete="new-password" required aria-invalid={!!fields.confirmPassword} aria-describedby="confirmPassword-error" />
        {fieldError("confirmPassword")}
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="account-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.security.changingPassword : t.security.submitChangePassword}
        </button>
      </div>
    </form>
  );
}
