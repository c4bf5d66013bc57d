import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { GovernanceReviewerGroups } from "@/components/admin/governance-reviewer-groups";
import { GovernanceUserTable } from "@/components/admin/governance-user-table";
import { requireRole } from "@/lib/auth/session";
import { t } from "@/lib/i18n/zh-CN";
import { listReviewerChoices, listReviewerGroups } from "@/lib/reviewer-groups/queries";
import { listUsers } from "@/lib/users/admin-queries";

export const metadata: Metadata = { title: t.adminUsers.title };

export default async function UsersPage() {
  const me = await requireRole("ADMIN");
  const [users, groups, reviewers] = await Promise.all([listUsers(), listReviewerGroups(), listReviewerChoices()]);
  return (
    <section className="gov-page">
      <header className="gov-page-header">
        <div>
          <h1>{t.adminUsers.title}</h1>
          <p className="muted">{t.adminUsers.intro}</p>
        </div>
        <Link href="/admin/users/new" className="button button-primary">
          {t.adminUsers.newUser}
        </Link>
      </header>
      <GovernanceUserTable users={users} currentUserId={me.id} />
      <p className="muted gov-footnote">{t.adminUsers.systemNote}</p>
      <GovernanceReviewerGroups groups={groups} reviewers={reviewers} />
    </section>
  );
}
