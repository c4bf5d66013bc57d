import type { Metadata } from "next";
import Link from "@/components/admin/link";
import { notFound } from "next/navigation";
import { GovernanceColumnDelete } from "@/components/admin/governance-column-delete";
import { GovernanceColumnForm } from "@/components/admin/governance-column-form";
import { requireRole } from "@/lib/auth/session";
import { getColumnForAdmin, listColumnOptions } from "@/lib/columns/admin-queries";
import { t } from "@/lib/i18n/zh-CN";
import { listReviewerChoices, listReviewerGroups } from "@/lib/reviewer-groups/queries";

const L = t.adminColumns;

export const metadata: Metadata = { title: L.editColumn };

export default async function EditColumnPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("ADMIN");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const [column, parents, reviewers, groups] = await Promise.all([getColumnForAdmin(id), listColumnOptions(), listReviewerChoices(), listReviewerGroups()]);
  if (!column) notFound();
  return (
    <section className="gov-page gov-narrow">
      <p>
        <Link href="/admin/columns">← {L.title}</Link>
      </p>
      <h1>
        {L.editColumn}：{column.name}
      </h1>
      <p className="muted">
        {L.articles} {column._count.articles} · {L.members} {column._count.members} ·{" "}
        <Link href={`/columns/${column.slug}`} target="_blank" rel="noopener">
          {L.view} /columns/{column.slug}
        </Link>
      </p>
      <div className="gov-card">
        <GovernanceColumnForm
          column={{
            id: column.id,
            name: column.name,
            slug: column.slug,
            description: column.description,
            parentId: column.parentId,
            reviewLevels: column.reviewLevels,
            levelReviewers: column.levelReviewers,
            hidden: column.hidden,
            reportCategory: column.reportCategory,
            updateEveryDays: column.updateEveryDays,
          }}
          parents={parents}
          reviewerOptions={{ reviewers, groups: groups.map(({ id, name }) => ({ id, name })) }}
        />
      </div>
      <div className="gov-card">
        <h2>{t.adminCommon.delete}</h2>
        <GovernanceColumnDelete
          column={{ id: column.id, name: column.name, articleCount: column._count.articles, childCount: column._count.children }}
        />
      </div>
    </section>
  );
}
