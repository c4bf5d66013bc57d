import type { Metadata } from "next";
import SiteLayout from "../(site)/layout";
import { requireUser } from "@/lib/auth/session";
import { t } from "@/lib/i18n/zh-CN";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: t.articlesAdmin.preview, robots: { index: false, follow: false } };

/**
 * The editors' preview inside the public site's own layout (chrome and styles, reused
 * as they are), framed by the admin preview page: public paths may be framed by the
 * site itself, admin paths by nobody. Logged-in staff only, never cached, never indexed.
 */
export default async function PreviewLayout({ children }: { children: React.ReactNode }) {
  await requireUser();
  return <SiteLayout>{children}</SiteLayout>;
}
