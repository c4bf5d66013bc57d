import Link from "next/link";
import { LogoutButton } from "@/components/admin/logout-button";
import { requireUser } from "@/lib/auth/session";
import { t } from "@/lib/i18n/zh-CN";

/** Every page in the panel needs a session; the login page lives outside it. */
export default async function PanelLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <header className="admin-header">
        <Link href="/admin" className="admin-brand">
          {t.admin.title}
        </Link>
        <nav aria-label="管理导航">
          <Link href="/admin/articles">{t.admin.articles}</Link>
        </nav>
        <div className="admin-user">
          <span>{user.name}</span>
          <LogoutButton />
        </div>
      </header>
      <main className="admin-main" id="main">
        {children}
      </main>
    </>
  );
}
