import type { Metadata } from "next";
import { LoginForm } from "@/components/admin/login-form";
import { t } from "@/lib/i18n/zh-CN";

export const metadata: Metadata = { title: t.admin.loginTitle };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths: never bounce a user to another origin after login.
  const next = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/admin/articles";
  return (
    <main className="login-page" id="main">
      <div className="login-card">
        <h1>{t.admin.loginTitle}</h1>
        <LoginForm callbackUrl={next} />
      </div>
    </main>
  );
}
