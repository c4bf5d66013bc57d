import Link from "@/components/admin/link";
import { LogoutButton } from "@/components/admin/logout-button";
import { requireUser } from "@/lib/auth/session";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";
import { unreadMessageCount } from "@/lib/messages/queries";
import { MESSAGE_TEXT } from "@/lib/messages/text";
import type { Role } from "@/lib/db/client";

/** The back office's sections; each page checks the role again for itself. */
const SECTIONS: { href: string; label: string; roles: Role[] }[] = [
  { href: "/admin", label: "工作台", roles: ["ADMIN", "REVIEWER", "EDITOR"] },
  { href: "/admin/articles", label: "文章管理", roles: ["ADMIN", "REVIEWER", "EDITOR"] },
  { href: "/admin/messages", label: MESSAGE_TEXT.title, roles: ["ADMIN", "REVIEWER", "EDITOR"] },
  { href: "/admin/media", label: "媒体库", roles: ["ADMIN", "REVIEWER", "EDITOR"] },
  { href: "/admin/statistics", label: "统计分析", roles: ["ADMIN", "REVIEWER", "EDITOR"] },
  { href: "/admin/columns", label: "栏目管理", roles: ["ADMIN"] },
  { href: "/admin/users", label: "用户管理", roles: ["ADMIN"] },
  { href: "/admin/words", label: "敏感词", roles: ["ADMIN"] },
  { href: "/admin/topics", label: "主题分类", roles: ["ADMIN"] },
  { href: "/admin/audit", label: "审计日志", roles: ["ADMIN"] },
  { href: "/admin/health-check", label: "站点体检", roles: ["ADMIN", "REVIEWER"] },
  { href: "/admin/redirects", label: "网址跳转", roles: ["ADMIN"] },
  { href: "/admin/settings", label: "站点设置", roles: ["ADMIN"] },
  { href: "/admin/account", label: "账户安全", roles: ["ADMIN", "REVIEWER", "EDITOR"] },
];

/** Every page in the panel needs a session; the login page lives outside it. */
export default async function PanelLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const unread = await unreadMessageCount(user.id);
  return (
    <>
      <header className="admin-header">
        <Link href="/admin" className="admin-brand">
          {t.admin.title}
        </Link>
        <nav aria-label="管理导航">
          {SECTIONS.filter((s) => s.roles.includes(user.role)).map((s) => (
            <Link key={s.href} href={s.href}>
              {s.label}
            </Link>
          ))}
        </nav>
        <div className="admin-user">
          {/* The name says it in words; the visible count is part of it (label in name). */}
          <Link
            href="/admin/messages"
            className={unread > 0 ? "admin-unread has-unread" : "admin-unread"}
            aria-label={unread > 0 ? fill(MESSAGE_TEXT.unreadBadge, { count: unread }) : MESSAGE_TEXT.noUnreadBadge}
            data-testid="unread-messages"
          >
            <span aria-hidden="true">✉</span>
            {unread > 0 && ` ${unread}`}
          </Link>
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
