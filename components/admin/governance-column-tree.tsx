"use client";

import Link from "@/components/admin/link";
import { useEffect, useRef, useState } from "react";
import { t } from "@/lib/i18n/zh-CN";
import { reorderColumnAction, setColumnHiddenAction } from "@/lib/columns/actions";
import type { AdminColumn } from "@/lib/columns/admin-queries";
import { GovFormStatus, useGovernanceAction } from "./governance-form";
import { fill } from "./governance-text";
import { TableScroll } from "@/components/admin/table-scroll";

const L = t.adminColumns;
const LEVEL = [L.reviewLevel1, L.reviewLevel2, L.reviewLevel3];

/**
 * The column tree as a table, in display order, with up / down / hide buttons on each
 * row. Plain buttons, so the keyboard works as everywhere; after a move the focus
 * stays on the button that was pressed (on the opposite one when the column reached
 * the end of its level), and a live region says what happened.
 */
export function GovernanceColumnTree({ columns }: { columns: AdminColumn[] }) {
  const reorder = useGovernanceAction(reorderColumnAction);
  const visibility = useGovernanceAction(setColumnHiddenAction);
  const [busy, setBusy] = useState<number | null>(null);
  const focusAfter = useRef<{ id: string; fallback: string } | null>(null);
  const refreshing = reorder.refreshing || visibility.refreshing;

  useEffect(() => {
    const target = focusAfter.current;
    if (refreshing || !target) return;
    focusAfter.current = null;
    const el = document.getElementById(target.id) as HTMLButtonElement | null;
    (el && !el.disabled ? el : document.getElementById(target.fallback))?.focus();
  }, [refreshing, columns]);

  // One change at a time; buttons stay enabled (a disabled button drops the keyboard focus).
  async function move(column: AdminColumn, direction: "up" | "down") {
    if (busy !== null) return;
    setBusy(column.id);
    visibility.clear();
    const opposite = direction === "up" ? "down" : "up";
    focusAfter.current = { id: `column-${direction}-${column.id}`, fallback: `column-${opposite}-${column.id}` };
    await reorder.run(
      { id: column.id, direction },
      { success: fill(L.moved, { name: column.name, direction: direction === "up" ? L.moveUp : L.moveDown }) },
    );
    setBusy(null);
  }

  async function toggleHidden(column: AdminColumn) {
    if (busy !== null) return;
    setBusy(column.id);
    reorder.clear();
    focusAfter.current = { id: `column-hide-${column.id}`, fallback: `column-edit-${column.id}` };
    await visibility.run(
      { id: column.id, hidden: !column.hidden },
      { success: `${column.hidden ? L.show : L.hide}：${column.name}` },
    );
    setBusy(null);
  }

  if (columns.length === 0) return <p>{L.empty}</p>;

  return (
    <>
      <GovFormStatus error={reorder.error || visibility.error} message={reorder.message || visibility.message} testId="column-tree" />
      <TableScroll label={L.title}>
        <table className="data-table gov-table" aria-label={L.title}>
        <thead>
          <tr>
            <th scope="col">{L.name}</th>
            <th scope="col">{L.slug}</th>
            <th scope="col">{L.reviewLevels}</th>
            <th scope="col">{L.articles}</th>
            <th scope="col">{L.members}</th>
            <th scope="col">{t.adminUsers.status}</th>
            <th scope="col">{t.adminCommon.actions}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.id} className={c.hidden || c.hiddenByAncestor ? "gov-row-muted" : undefined} data-testid={`column-row-${c.slug}`}>
              <th scope="row" style={{ paddingLeft: `${12 + c.depth * 24}px`, fontWeight: c.depth === 0 ? 600 : 400 }}>
                <span className="gov-tree-name">
                  {c.depth > 0 && (
                    <span className="gov-tree-branch" aria-hidden="true">
                      {c.isLast ? "└" : "├"}
                    </span>
                  )}
                  {c.name}
                  {c.depth > 0 && <span className="visually-hidden">（{c.depth + 1} 级栏目）</span>}
                </span>
              </th>
              <td className="gov-mono">
                <Link href={`/columns/${c.slug}`} target="_blank" rel="noopener" aria-label={`${c.slug}（新窗口打开 ${c.name}）`}>
                  {c.slug}
                </Link>
              </td>
              <td>{LEVEL[c.reviewLevels - 1] ?? c.reviewLevels}</td>
              <td>{c.articleCount}</td>
              <td>{c.memberCount}</td>
              <td>
                {c.hidden ? (
                  <span className="badge badge-withdrawn">{L.hiddenBadge}</span>
                ) : c.hiddenByAncestor ? (
                  <span className="badge gov-badge-neutral">{L.hiddenByParent}</span>
                ) : (
                  <span className="badge badge-published">{L.visibleBadge}</span>
                )}
              </td>
              <td>
                <span className="gov-actions">
                  <button
                    type="button"
                    id={`column-up-${c.id}`}
                    className="button button-small"
                    aria-label={fill(L.moveUpLabel, { name: c.name })}
                    disabled={c.isFirst}
                    onClick={() => move(c, "up")}
                  >
                    ↑ {L.moveUp}
                  </button>
                  <button
                    type="button"
                    id={`column-down-${c.id}`}
                    className="button button-small"
                    aria-label={fill(L.moveDownLabel, { name: c.name })}
                    disabled={c.isLast}
                    onClick={() => move(c, "down")}
                  >
                    ↓ {L.moveDown}
                  </button>
                  <button
                    type="button"
                    id={`column-hide-${c.id}`}
                    className="button button-small"
                    aria-label={fill(c.hidden ? L.showLabel : L.hideLabel, { name: c.name })}
                    aria-busy={busy === c.id || undefined}
                    onClick={() => toggleHidden(c)}
                  >
                    {c.hidden ? L.show : L.hide}
                  </button>
                  <Link id={`column-edit-${c.id}`} href={`/admin/columns/${c.id}`} className="button button-small" aria-label={`${t.adminCommon.edit} ${c.name}`}>
                    {t.adminCommon.edit}
                  </Link>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
        </table>
      </TableScroll>
    </>
  );
}
