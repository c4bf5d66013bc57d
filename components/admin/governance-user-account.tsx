"use client";

import { useState } from "react";
import { t } from "@/lib/i18n/zh-CN";
import { resetUserPasswordAction, resetUserTwoFactorAction, setUserDisabledAction } from "@/lib/users/actions";
import { GovernanceConfirm } from "./governance-confirm";
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
  // Which of the three is being asked about (each ends the user's sessions, so each asks first).
  const [asking, setAsking] = useState<"disable" | "reset" | "reset2fa" | null>(null);
  // The reset form as submitted: its password is sent once the admin confirms.
  const [resetRequest, setResetRequest] = useState<{ form: HTMLFormElement; password: string } | null>(null);

  async function onToggle() {
    if (!user.disabled) return setAsking("disable");
    await toggle.run({ id: user.id, disabled: false }, { success: L.enabled });
  }

  function onReset(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setResetRequest({ form, password: String(new FormData(form).get("password") ?? "") });
    setAsking("reset");
  }

  function resetPassword() {
    const { form, password } = resetRequest!;
    setGenerated(null);
    return reset.run(
      { id: user.id, password },
      {
        success: L.resetDone,
        onSuccess: (data) => {
          setGenerated(data.generatedPassword);
          form.reset();
        },
      },
    );
  }

  const close = () => setAsking(null);
  const confirmations = {
    disable: {
      title: L.disable,
      question: L.disableConfirm,
      confirmLabel: L.disableConfirmButton,
      pendingLabel: L.disabling,
      action: toggle,
      onConfirm: () => toggle.run({ id: user.id, disabled: true }, { success: L.disabled }),
    },
    reset: { title: L.resetPassword, question: L.resetConfirm, confirmLabel: L.resetConfirmButton, pendingLabel: L.resetting, action: reset, onConfirm: resetPassword },
    reset2fa: {
      title: L.reset2fa,
      question: L.reset2faConfirm,
      confirmLabel: L.resetConfirmButton,
      pendingLabel: L.resetting,
      action: reset2fa,
      onConfirm: () => reset2fa.run({ id: user.id }, { success: L.reset2faDone }),
    },
  };
  const confirmation = asking ? { ...confirmations[asking], testId: `user-${asking}-dialog` } : null;

  if (isSelf) return <p className="gov-notice">{L.selfNote}</p>;

  return (
    <div className="gov-stack">
      <div>
        <p className="field-hint">{user.disabled ? L.enableHint : L.disableHint}</p>
        <div className="button-row">
          <button type="button" className={`button ${user.disabled ? "" : "button-danger"}`} onClick={() => void onToggle()} disabled={toggle.pending}>
            {user.disabled ? L.enable : L.disable}
          </button>
        </div>
        <GovFormStatus error={asking === "disable" ? "" : toggle.error} message={toggle.message} testId="user-toggle" />
      </div>
      <form className="form" onSubmit={onReset} noValidate>
        <h3>{L.resetPassword}</h3>
        <GovField id="reset-password" label={`${L.newPassword}（${t.adminCommon.optional}）`} hint={L.resetPasswordHint} errors={reset.fieldErrors.password}>
          {(p) => <GovernancePasswordInput {...p} name="password" />}
        </GovField>
        <GovFormStatus error={asking === "reset" ? "" : reset.error} message={reset.message} testId="user-reset" />
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
          <GovFormStatus error={asking === "reset2fa" ? "" : reset2fa.error} message={reset2fa.message} testId="user-reset-2fa" />
          {user.totpEnabled && (
            <div className="button-row">
              <button type="button" className="button button-danger" onClick={() => setAsking("reset2fa")} disabled={reset2fa.pending}>
                {L.reset2fa}
              </button>
            </div>
          )}
        </div>
      )}
      {confirmation && <GovernanceConfirm {...confirmation} question={fill(confirmation.question, { name: user.name })} onClose={close} />}
    </div>
  );
}
