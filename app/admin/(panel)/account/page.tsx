import type { Metadata } from "next";
import { twoFactorStatus } from "@/lib/auth/account";
import { requireUser } from "@/lib/auth/session";
import { STAFF_2FA_ROLES } from "@/lib/auth/session-policy";
import { t } from "@/lib/i18n/zh-CN";
import { mailEnabled } from "@/lib/mail/transport";
import { messageMailOf } from "@/lib/messages/queries";
import { MESSAGE_TEXT } from "@/lib/messages/text";
import { getSiteSettings } from "@/lib/settings/queries";
import { ChangePasswordForm } from "./change-password-form.client";
import { MessageMailForm } from "./message-mail-form.client";
import { TwoFactorPanel } from "./two-factor-panel.client";
import "./account.css";

export const metadata: Metadata = { title: t.security.accountTitle };

/**
 * 账户安全: change the password, set up or stop two-factor login. Users an admin
 * created (must change password) or staff without 2FA on a site that requires it are
 * sent here from every other page until they are done.
 */
export default async function AccountPage() {
  const user = await requireUser();
  const [status, settings, messageMail] = await Promise.all([twoFactorStatus(user.id), getSiteSettings(), messageMailOf(user.id)]);
  const required = settings.require2faForStaff && STAFF_2FA_ROLES.includes(user.role);
  return (
    <section className="account">
      <h1>{t.security.accountTitle}</h1>
      {user.securityStep === "change-password" && (
        <p className="account-notice" role="status" data-testid="security-step">
          {t.security.requiredPassword}
        </p>
      )}
      {user.securityStep === "setup-2fa" && (
        <p className="account-notice" role="status" data-testid="security-step">
          {t.security.requiredTwoFactor}
        </p>
      )}
      {user.securityStep !== "setup-2fa" && (
        <div className="account-section">
          <h2>{t.security.changePassword}</h2>
          <ChangePasswordForm />
        </div>
      )}
      {user.securityStep !== "change-password" && (
        <div className="account-section account-print">
          <h2>{t.security.twoFactor}</h2>
          <TwoFactorPanel enabled={status.enabled} recoveryCodesLeft={status.recoveryCodesLeft} required={required} />
        </div>
      )}
      {!user.securityStep && (
        <div className="account-section">
          <h2>{MESSAGE_TEXT.optOutLegend}</h2>
          <MessageMailForm messageMail={messageMail} smtpConfigured={mailEnabled()} />
        </div>
      )}
    </section>
  );
}
