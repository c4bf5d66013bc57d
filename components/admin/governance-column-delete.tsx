"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { t } from "@/lib/i18n/zh-CN";
import { deleteColumnAction } from "@/lib/columns/actions";
import { ConfirmDialog } from "./confirm-dialog";
import { GovFormStatus, useGovernanceAction } from "./governance-form";
import { fill } from "./governance-text";

const L = t.adminColumns;

/**
 * Deletes an empty column. While it still has articles or sub-columns the button is
 * replaced by what to do first; the server refuses anyway if that changed meanwhile.
 */
export function GovernanceColumnDelete({ column }: { column: { id: number; name: string; articleCount: number; childCount: number } }) {
  const router = useRouter();
  const remove = useGovernanceAction(deleteColumnAction);
  const blocked = column.articleCount > 0 || column.childCount > 0;

  const [confirming, setConfirming] = useState(false);

  async function onDelete() {
    const result = await remove.run({ id: column.id });
    if (result.ok) router.push("/admin/columns");
  }

  return (
    <div className="gov-stack">
      <p className="field-hint">{L.deleteHint}</p>
      {blocked ? (
        <p className="gov-notice" data-testid="column-delete-blocked">
          {fill(L.cannotDelete, { articles: column.articleCount, children: column.childCount })}
        </p>
      ) : (
        <div className="button-row">
          <button type="button" className="button button-danger" onClick={() => (remove.clear(), setConfirming(true))} disabled={remove.pending}>
            {t.adminCommon.delete}
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={L.deleteTitle}
          confirmLabel={t.adminCommon.confirmDeleteButton}
          pendingLabel={t.adminCommon.deleting}
          pending={remove.pending}
          error={remove.error}
          onConfirm={onDelete}
          onCancel={() => setConfirming(false)}
          testId="column-delete-dialog"
        >
          {fill(t.adminCommon.confirmDelete, { name: column.name })}
        </ConfirmDialog>
      )}
      {!confirming && <GovFormStatus error={remove.error} message={remove.message} testId="column-delete" />}
    </div>
  );
}
