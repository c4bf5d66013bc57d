import type { Metadata } from "next";
import { GovernanceColumnForm } from "@/components/admin/governance-column-form";
import { GovernanceColumnTree } from "@/components/admin/governance-column-tree";
import { requireRole } from "@/lib/auth/session";
import { listColumnOptions, listColumnsForAdmin } from "@/lib/columns/admin-queries";
import { t } from "@/lib/i18n/zh-CN";

const L = t.adminColumns;

export const metadata: Metadata = { title: L.title };

export default async function ColumnsPage() {
  await requireRole("ADMIN");
  const [columns, parents] = await Promise.all([listColumnsForAdmin(), listColumnOptions()]);
  return (
    <section className="gov-page">
      <header className="gov-page-header">
        <div>
          <h1>{L.title}</h1>
          <p className="muted">{L.intro}</p>
        </div>
      </header>
      <details className="gov-card" open={columns.length === 0}>
        <summary>
          <strong>{L.newColumn}</strong>
        </summary>
        <div className="gov-details-body">
          <GovernanceColumnForm parents={parents} />
        </div>
      </details>
      <GovernanceColumnTree columns={columns} />
    </section>
  );
}
