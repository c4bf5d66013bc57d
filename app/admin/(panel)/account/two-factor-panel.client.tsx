"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { beginTotpSetupAction, confirmTotpSetupAction, disableTotpAction, regenerateRecoveryCodesAction } from "@/lib/auth/actions";
import { t } from "@/lib/i18n/zh-CN";

type Props = { enabled: boolean; recoveryCodesLeft: number; required: boolean };
type View = { kind: "status" } | { kind: "setup"; secret: string; qrSvg: string } | { kind: "codes"; codes: string[] };

/** Two-factor login: set it up with a QR code, see the recovery codes once, renew them, or stop it. */
export function TwoFactorPanel({ enabled, recoveryCodesLeft, required }: Props) {
  const router = useRouter();
  const [view, setView] = useState<View>({ kind: "status" });
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function run<T>(call: () => Promise<{ ok: true; data: T } | { ok: false; error: string }>, then: (data: T) => void) {
    setPending(true);
    setError("");
    // A refused request (network, body too large) rejects instead of answering: say so.
    const result = await call().catch(() => ({ ok: false as const, error: t.common.unexpectedError }));
    setPending(false);
    if (result.ok) then(result.data);
    else setError(result.error);
  }

  const formValue = (event: React.FormEvent<HTMLFormElement>, name: string) => {
    event.preventDefault();
    return String(new FormData(event.currentTarget).get(name) ?? "");
  };

  const errorBox = error && (
    <p className="form-error" role="alert" data-testid="two-factor-error">
      {error}
    </p>
  );

  if (view.kind === "codes") {
    return (
      <div className="form">
        <p className="account-success" role="status">
          {t.security.twoFactorEnabled}
        </p>
        <h3>{t.security.recoveryCodesTitle}</h3>
        <p>{t.security.recoveryCodesNote}</p>
        <ul className="recovery-codes" data-testid="recovery-codes">
          {view.codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div className="button-row">
          <button type="button" className="button" onClick={() => window.print()}>
            打印
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setView({ kind: "status" });
              // A required setup is done: back to work. Otherwise show the new status.
              if (required) router.push("/admin");
              else router.refresh();
            }}
          >
            {t.security.recoveryCodesDone}
          </button>
        </div>
      </div>
    );
  }

  if (view.kind === "setup") {
    return (
      <form className="form" noValidate onSubmit={(e) => run(() => confirmTotpSetupAction({ code: formValue(e, "code") }), (d) => setView({ kind: "codes", codes: d.recoveryCodes }))}>
        <p>{t.security.scanQr}</p>
        {/* Our own QR code of the otpauth URI, as an image: no markup from elsewhere is inserted. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img className="account-qr" alt="两步验证二维码" src={`data:image/svg+xml;base64,${btoa(view.qrSvg)}`} />
        <p>
          {t.security.manualKey}
          <br />
          <code className="account-key" data-testid="totp-secret">
            {view.secret.replace(/(.{4})/g, "$1 ").trim()}
          </code>
        </p>
        <label className="field">
          <span>{t.security.enterCode}</span>
          <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required />
        </label>
        {errorBox}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={pending}>
            {t.security.confirm2fa}
          </button>
          <button type="button" className="button" onClick={() => setView({ kind: "status" })}>
            {t.common.cancel}
          </button>
        </div>
      </form>
    );
  }

  if (!enabled) {
    return (
      <div className="form">
        <p>{t.security.twoFactorOff}</p>
        {errorBox}
        <div className="button-row">
          <button type="button" className="button button-primary" disabled={pending} onClick={() => run(() => beginTotpSetupAction({}), (d) => setView({ kind: "setup", ...d }))}>
            {t.security.enable2fa}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="form">
      <p className="account-success">{t.security.twoFactorOn}</p>
      <p className="muted">{t.security.recoveryCodesLeft.replace("{n}", String(recoveryCodesLeft))}</p>
      <form className="form" noValidate onSubmit={(e) => run(() => regenerateRecoveryCodesAction({ password: formValue(e, "password") }), (d) => setView({ kind: "codes", codes: d.recoveryCodes }))}>
        <label className="field">
          <span>{t.security.confirmWithPassword}</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {errorBox}
        <div className="button-row">
          <button type="submit" className="button" disabled={pending}>
            {t.security.regenerateCodes}
          </button>
          {!required && (
            <button
              type="button"
              className="button button-danger"
              disabled={pending}
              onClick={(e) => {
                const password = String(new FormData(e.currentTarget.form!).get("password") ?? "");
                void run(() => disableTotpAction({ password }), () => router.refresh());
              }}
            >
              {t.security.disable2fa}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
