"use client";

import type { ActionResult } from "@/lib/actions/safe-action";
import { t } from "@/lib/i18n/zh-CN";
import { ConfirmDialog } from "./confirm-dialog";

interface Props {
  title: string;
  /** What is about to happen, in words (the dialog's description). */
  question: string;
  confirmLabel?: string;
  pendingLabel?: string;
  /** The governance action being confirmed (from useGovernanceAction): its pending state and refusal show in the dialog. */
  action: { pending: boolean; error: string };
  /** Runs the action. */
  onConfirm: () => Promise<ActionResult<unknown>>;
  onClose: () => void;
  testId?: string;
}

/**
 * A governance action asked for in ConfirmDialog instead of window.confirm: it closes once
 * the action succeeds (the screen's status line then says so) or names a field to correct
 * (the form shows that field's error), and otherwise stays open with the server's refusal,
 * so the admin reads why where they asked. Labels default to a deletion's.
 */
export function GovernanceConfirm({
  title,
  question,
  confirmLabel = t.adminCommon.confirmDeleteButton,
  pendingLabel = t.adminCommon.deleting,
  action,
  onConfirm,
  onClose,
  testId,
}: Props) {
  async function confirm() {
    const result = await onConfirm();
    // A refusal about a field (a password the policy rejects) is fixed in the form behind, where its error shows.
    if (result.ok || result.fieldErrors || result.details?.fieldErrors) onClose();
  }
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      pendingLabel={pendingLabel}
      pending={action.pending}
      error={action.error}
      onConfirm={() => void confirm()}
      onCancel={onClose}
      testId={testId}
    >
      {question}
    </ConfirmDialog>
  );
}
