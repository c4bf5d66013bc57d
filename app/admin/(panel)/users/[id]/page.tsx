import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GovernanceUserAccount } from "@/components/admin/governance-user-account";
import { GovernanceUserForm } from "@/components/admin/governance-user-form";
import { GovernanceUserStatus } from "@/components/admin/governance-user-table";
import { GovernanceUserUnlock } from "@/components/admin/governance-user-unlock";
import { requireRole } from "@/lib/auth/session";
import { listColumnOptions } from "@/lib/columns/admin-queries";
import { formatDateTime } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";
import { getUserForAdmin } from "@/lib/users/admin-queries";

const L = t.adminUsers;

export const metadata: Metadata = { title: L.editUser };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireRole("ADMIN");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const [user, columns] = await Promise.all([getUserForAdmin(id), listColumnOptions()]);
  if (!user) notFound();
  const isSelf = user.id === me.id;
  return (
    <section className="gov-page gov-narrow">
      <h1>
        {L.editUser}：{user.name}
      </h1>
      <dl className="gov-facts">
        <dt>{L.status}</dt>
        <dd>
          <GovernanceUserStatus user={user} now={new Date()} />
        </dd>
        <dt>{L.lastLogin}</dt>
        <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : L.neverLoggedIn}</dd>
        <dt>{L.createdAt}</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
      </dl>
      <div className="gov-card">
        <GovernanceUserForm
          user={{ id: user.id, email: user.email, name: user.name, role: user.role, columnIds: user.columns.map((c) => c.id) }}
          columns={columns}
          isSelf={isSelf}
        />
      </div>
      <div className="gov-card">
        <h2>{L.accountSection}</h2>
        <div className="gov-stack">
          <GovernanceUserUnlock user={{ id: user.id, lockedUntil: user.lockedUntil ? formatDateTime(user.lockedUntil) : null }} />
          <GovernanceUserAccount user={{ id: user.id, name: user.name, disabled: user.disabled, totpEnabled: user.totpEnabled }} isSelf={isSelf} />
        </div>
      </div>
    </section>
  );
}
