import type { Metadata } from "next";
import { LoginForm } from "@/components/admin/login-form";
import { siteUrl } from "@/lib/env";
import { t } from "@/lib/i18n/zh-CN";
import { safeRedirectPath } from "@/lib/security/safe-redirect";
import "./login.css";

export const metadata: Metadata = { title: t.admin.loginTitle };

type SearchParams = { callbackUrl?: string; changed?: string; expired?: string };

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { callbackUrl, changed, expired } = await searchParams;
  // Only same-site paths: never bounce a user to another origin after login.
  const next = safeRedirectPath(callbackUrl, siteUrl());
  const notice = changed ? t.security.passwordChanged : expired ? t.security.sessionEnded : undefined;
  return (
    <main className="login-page" id="main">
      <div className="login-card">
        <h1>{t.admin.loginTitle}</h1>
        <LoginForm callbackUrl={next} notice={notice} />
      </div>
    </main>
  );
}
