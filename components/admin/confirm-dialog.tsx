"use client";

import { useId } from "react";
import { Dialog } from "@/components/editor/dialog";
import { t } from "@/lib/i18n/zh-CN";

interface Props {
  title: string;
  /** What is about to happen, in words. */
  children: React.ReactNode;
  confirmLabel: string;
  /** The confirm button's text while the action runs. */
  pendingLabel: string;
  pending: boolean;
  /** The action's refusal, shown in the dialog (it stays open, nothing is lost). */
  error?: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

/**
 * Asks before a destructive action, in the app's own modal instead of window.confirm: it
 * has the app's words and look, a name for screen readers, and the refusal shown where the
 * question was. The focus starts on 取消 (the harmless answer: Enter does not destroy) and
 * returns to the button that opened it.
 */
export function ConfirmDialog({ title, children, confirmLabel, pendingLabel, pending, error, onConfirm, onCancel, testId }: Props) {
  const questionId = useId();
  return (
    <Dialog
      open
      title={title}
      describedBy={questionId}
      onClose={onCancel}
      testId={testId}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" data-autofocus="" onClick={onCancel}>
            {t.common.cancel}
          </button>
          <button type="button" className="button button-danger" disabled={pending} onClick={onConfirm}>
            {pending ? pendingLabel : confirmLabel}
          </button>
        </>
      }
    >
      <p id={questionId}>{children}</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
