import type { Metadata } from "next";
import { GovernanceUserForm } from "@/components/admin/governance-user-form";
import { requireRole } from "@/lib/auth/session";
import { listColumnOptions } from "@/lib/columns/admin-queries";
import { t } from "@/lib/i18n/zh-CN";

export const metadata: Metadata = { title: t.adminUsers.newUser };

export default async function NewUserPage() {
  await requireRole("ADMIN");
  const columns = await listColumnOptions();
  return (
    <section className="gov-page gov-narrow">
      <h1>{t.adminUsers.newUser}</h1>
      <div className="gov-card">
        <GovernanceUserForm columns={columns} />
      </div>
    </section>
  );
}
