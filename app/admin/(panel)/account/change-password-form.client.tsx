"use client";

import { signOutTo } from "@/lib/auth/sign-out";
import { useState } from "react";
import { changePasswordAction } from "@/lib/auth/actions";
import { t } from "@/lib/i18n/zh-CN";

type FieldErrors = Record<string, string[] | undefined>;

const FIELDS = [
  { name: "currentPassword", label: t.security.currentPassword, autoComplete: "current-password", hint: "" },
  { name: "newPassword", label: t.security.newPassword, autoComplete: "new-password", hint: t.security.passwordHint },
  { name: "confirmPassword", label: t.security.confirmPassword, autoComplete: "new-password", hint: "" },
] as const;

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
    }).catch(() => ({ ok: false as const, error: t.common.unexpectedError, details: undefined, fieldErrors: undefined }));
    if (result.ok) {
      await signOutTo("/admin/login?changed=1");
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
      {FIELDS.map(({ name, label, autoComplete, hint }) => (
        <div className="field" key={name}>
          <label htmlFor={`account-${name}`}>{label}</label>
          <input
            id={`account-${name}`}
            name={name}
            type="password"
            autoComplete={autoComplete}
            required
            aria-invalid={!!fields[name]}
            aria-describedby={`${hint ? `${name}-hint ` : ""}${name}-error`}
          />
          {hint && (
            <span className="field-hint" id={`${name}-hint`}>
              {hint}
            </span>
          )}
          {fieldError(name)}
        </div>
      ))}
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
