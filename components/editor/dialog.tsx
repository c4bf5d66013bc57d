"use client";

import { useEffect, useRef } from "react";
import { t } from "@/lib/i18n/zh-CN";

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: React.ReactNode;
  /** Buttons at the bottom; the first one gets the Enter key when it is a submit button. */
  footer?: React.ReactNode;
  wide?: boolean;
  testId?: string;
}

/**
 * A modal on the native <dialog>: focus is trapped and restored, Esc closes, the page
 * behind is inert — without a library.
 */
export function Dialog({ open, title, onClose, children, footer, wide, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`modal${wide ? " modal-wide" : ""}`}
      aria-labelledby={testId ? `${testId}-title` : undefined}
      data-testid={testId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <div className="modal-body">
          <header className="modal-header">
            <h2 id={testId ? `${testId}-title` : undefined}>{title}</h2>
            <button type="button" className="modal-close" aria-label={t.editor.close} onClick={onClose}>
              ×
            </button>
          </header>
          <div className="modal-content">{children}</div>
          {footer && <footer className="modal-footer">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}
