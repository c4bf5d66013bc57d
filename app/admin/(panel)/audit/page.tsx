import type { Metadata } from "next";
import { GovernanceAuditFilters } from "@/components/admin/governance-audit-filters";
import { GovernanceAuditPager, GovernanceAuditTable } from "@/components/admin/governance-audit-table";
import { auditQueryString, parseAuditFilter } from "@/lib/audit/filters";
import { auditFacets, listAuditEntries } from "@/lib/audit/queries";
import { requireRole } from "@/lib/auth/session";
import { t } from "@/lib/i18n/zh-CN";
import { listUsers } from "@/lib/users/admin-queries";

const L = t.adminAudit;

export const metadata: Metadata = { title: L.title };

/** Read-only: there is no action on this page, and no code path anywhere that edits or deletes an entry. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole("ADMIN");
  const filter = parseAuditFilter(await searchParams);
  const [list, facets, users] = await Promise.all([listAuditEntries(filter), auditFacets(), listUsers()]);
  return (
    <section className="gov-page">
      <header className="gov-page-header">
        <div>
          <h1>{L.title}</h1>
          <p className="muted">{L.intro}</p>
        </div>
        <div className="gov-export">
          {/* A plain link: the browser downloads the streamed file itself. */}
          <a href={`/admin/audit/export${auditQueryString(filter)}`} className="button" download>
            {L.export}
          </a>
          <span className="field-hint">{L.exportHint}</span>
        </div>
      </header>
      <GovernanceAuditFilters filter={filter} actions={facets.actions} targetTypes={facets.targetTypes} actorEmails={users.map((u) => u.email)} />
      <GovernanceAuditTable entries={list.entries} />
      <GovernanceAuditPager filter={filter} page={list.page} pageCount={list.pageCount} total={list.total} />
      <footer className="gov-footnote muted" data-testid="audit-retention">
        {L.retention}
      </footer>
    </section>
  );
}
