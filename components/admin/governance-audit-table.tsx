import Link from "@/components/admin/link";
import { auditQueryString, type AuditFilter } from "@/lib/audit/filters";
import { entryLabel, targetTypeLabel } from "@/lib/audit/labels";
import type { AuditView } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";
import { fill } from "./governance-text";
import { TableScroll } from "@/components/admin/table-scroll";

const L = t.adminAudit;

/** Where an entry's target can be opened in the back office. */
function targetHref(type: string, id: string): string | null {
  if (!/^\d+$/.test(id)) return null;
  if (type === "user") return `/admin/users/${id}`;
  if (type === "column") return `/admin/columns/${id}`;
  if (type === "article") return `/admin/articles/${id}`;
  return null;
}

function Detail({ detail }: { detail: unknown }) {
  if (!detail || (typeof detail === "object" && Object.keys(detail).length === 0)) return <span className="muted">—</span>;
  return (
    <details className="gov-detail">
      <summary>{L.detail}</summary>
      {/* Rendered as text: JSON from the log is never interpreted as HTML. */}
      <pre>{JSON.stringify(detail, null, 2)}</pre>
    </details>
  );
}

export function GovernanceAuditTable({ entries }: { entries: AuditView[] }) {
  if (entries.length === 0) return <p className="gov-card">{L.noEntries}</p>;
  return (
    <TableScroll label={L.title}>
      <table className="data-table gov-table">
      <thead>
        <tr>
          <th scope="col">{L.time}</th>
          <th scope="col">{L.actor}</th>
          <th scope="col">{L.action}</th>
          <th scope="col">{L.target}</th>
          <th scope="col">{L.ip}</th>
          <th scope="col">{L.detail}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const href = targetHref(e.targetType, e.targetId);
          const target = e.targetType ? `${targetTypeLabel(e.targetType)}${e.targetId ? ` #${e.targetId}` : ""}` : "—";
          return (
            <tr key={e.id}>
              <td className="gov-mono">{formatDateTime(e.at)}</td>
              <td>{e.actorLabel || (e.actorId === null ? <span className="muted">{L.system}</span> : `#${e.actorId}`)}</td>
              <td>
                {entryLabel(e)}
                <div className="muted gov-mono">{e.action}</div>
              </td>
              <td>{href ? <Link href={href}>{target}</Link> : target}</td>
              <td className="gov-mono" title={e.userAgent || undefined}>
                {e.ip || "—"}
              </td>
              <td>
                <Detail detail={e.detail} />
              </td>
            </tr>
          );
        })}
      </tbody>
      </table>
    </TableScroll>
  );
}

export function GovernanceAuditPager({ filter, page, pageCount, total }: { filter: AuditFilter; page: number; pageCount: number; total: number }) {
  return (
    <nav className="gov-pager" aria-label={L.pagination}>
      {page > 1 ? <Link href={`/admin/audit${auditQueryString(filter, page - 1)}`}>← {L.prevPage}</Link> : <span className="muted">← {L.prevPage}</span>}
      <span>
        {fill(L.total, { total })}　{fill(L.pageOf, { page, count: pageCount })}
      </span>
      {page < pageCount ? (
        <Link href={`/admin/audit${auditQueryString(filter, page + 1)}`}>
          {L.nextPage} →
        </Link>
      ) : (
        <span className="muted">{L.nextPage} →</span>
      )}
    </nav>
  );
}
