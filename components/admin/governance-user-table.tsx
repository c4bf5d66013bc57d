import Link from "@/components/admin/link";
import { formatDateTime } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";
import type { AdminUser } from "@/lib/users/admin-queries";
import { fill } from "./governance-text";
import { TableScroll } from "@/components/admin/table-scroll";

const L = t.adminUsers;

/** The account's state as badges: disabled, locked after failed logins, must change password, 2FA on. */
export function GovernanceUserStatus({ user, now }: { user: AdminUser; now: Date }) {
  const locked = user.lockedUntil && user.lockedUntil > now;
  return (
    <span className="gov-badges">
      {user.disabled ? <span className="badge badge-withdrawn">{L.statusDisabled}</span> : <span className="badge badge-published">{L.statusActive}</span>}
      {locked && (
        <span className="badge badge-in_review" title={fill(L.lockedUntil, { time: formatDateTime(user.lockedUntil!) })}>
          {L.statusLocked}
        </span>
      )}
      {user.mustChangePassword && <span className="badge gov-badge-neutral">{L.statusMustChange}</span>}
      {user.totpEnabled && <span className="badge badge-scheduled">{L.status2fa}</span>}
    </span>
  );
}

export function GovernanceUserTable({ users, currentUserId }: { users: AdminUser[]; currentUserId: number }) {
  const now = new Date();
  if (users.length === 0) return <p>{L.noUsers}</p>;
  return (
    <TableScroll label={L.title}>
      <table className="data-table gov-table">
      <thead>
        <tr>
          <th scope="col">{L.name}</th>
          <th scope="col">{L.email}</th>
          <th scope="col">{L.role}</th>
          <th scope="col">{L.columns}</th>
          <th scope="col">{L.status}</th>
          <th scope="col">{L.lastLogin}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} className={u.disabled ? "gov-row-muted" : undefined}>
            <td>
              <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
              {u.id === currentUserId && <span className="muted">（我）</span>}
            </td>
            <td>{u.email}</td>
            <td>{L[`role_${u.role}`]}</td>
            <td className="gov-cell-wrap">
              {u.role === "ADMIN" ? <span className="muted">{L.allColumns}</span> : u.columns.map((c) => c.name).join("、") || "—"}
            </td>
            <td>
              <GovernanceUserStatus user={u} now={now} />
            </td>
            <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : <span className="muted">{L.neverLoggedIn}</span>}</td>
          </tr>
        ))}
      </tbody>
      </table>
    </TableScroll>
  );
}
