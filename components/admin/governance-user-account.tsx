"use client";

import { useState } from "react";
import { t } from "@/lib/i18n/zh-CN";
import { resetUserPasswordAction, resetUserTwoFactorAction, setUserDisabledAction } from "@/lib/users/actions";
import { GovField, GovFormStatus, useGovernanceAction } from "./governance-form";
import { GovernancePasswordInput } from "./governance-password-input";
import { fill } from "./governance-text";

const L = t.adminUsers;

/** Disable / enable the account, reset its password or its two-factor login: the things that end a user's sessions. */
export function GovernanceUserAccount({
  user,
  isSelf,
}: {
  user: { id: number; name: string; disabled: boolean; totpEnabled: boolean };
  isSelf: boolean;
}) {
  const toggle = useGovernanceAction(setUserDisabledAction);
  const reset = useGovernanceAction(resetUserPasswordAction);
  const reset2fa = useGovernanceAction(resetUserTwoFactorAction);
  const [generated, setGenerated] = useState<string | null>(null);

  async function onToggle() {
    const disabled = !user.disabled;
    if (disabled && !window.confirm(fill(L.disableConfirm, { name: user.name }))) return;
    await toggle.run({ id: user.id, disabled }, { success: disabled ? L.disabled : L.enabled });
  }

  async function onReset(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    if (!window.confirm(fill(L.resetConfirm, { name: user.name }))) return;
    const password = String(new FormData(formElement).get("password") ?? "");
    setGenerated(null);
    await reset.run(
      { id: user.id, password },
      {
        success: L.resetDone,
        onSuccess: (data) => {
          setGenerated(data.generatedPassword);
          formElement.reset();
        },
      },
    );
  }

  async function onReset2fa() {
    if (!window.confirm(fill(L.reset2faConfirm, { name: user.name }))) return;
    await reset2fa.run({ id: user.id }, { success: L.reset2faDone });
  }

  if (isSelf) return <p className="gov-notice">{L.selfNote}</p>;

  return (
    <div className="gov-stack">
      <div>
        <p className="field-hint">{user.disabled ? L.enableHint : L.disableHint}</p>
        <div className="button-row">
          <button type="button" className={`button ${user.disabled ? "" : "button-danger"}`} onClick={onToggle} disabled={toggle.pending}>
            {user.disabled ? L.enable : L.disable}
          </button>
        </div>
        <GovFormStatus error={toggle.error} message={toggle.message} testId="user-toggle" />
      </div>
      <form className="form" onSubmit={onReset} noValidate>
        <h3>{L.resetPassword}</h3>
        <GovField id="reset-password" label={`${L.newPassword}（${t.adminCommon.optional}）`} hint={L.resetPasswordHint} errors={reset.fieldErrors.password}>
          {(p) => <GovernancePasswordInput {...p} name="password" />}
        </GovField>
        <GovFormStatus error={reset.error} message={reset.message} testId="user-reset" />
        {generated && (
          <p className="gov-notice" data-testid="generated-password">
            {L.generatedPassword}
            <code className="gov-secret">{generated}</code>
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button" disabled={reset.pending}>
            {L.resetPassword}
          </button>
        </div>
      </form>
      {/* Kept after success (the refreshed page has 2FA off) so that the outcome stays readable. */}
      {(user.totpEnabled || reset2fa.message) && (
        <div>
          <h3>{L.reset2fa}</h3>
          <p className="field-hint">{L.reset2faHint}</p>
          <GovFormStatus error={reset2fa.error} message={reset2fa.message} testId="user-reset-2fa" />
          {user.totpEnabled && (
            <div className="button-row">
              <button type="button" className="button button-danger" onClick={onReset2fa} disabled={reset2fa.pending}>
                {L.reset2fa}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
