"use client";

import { useId, useLayoutEffect, useRef } from "react";
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
  /** Id of the text that says what the dialog is about (a question, a warning): read after its name. */
  describedBy?: string;
}

/** Where focus goes on opening: an element marked data-autofocus, else the first field, else the dialog itself. */
const FIRST_FIELD = ".modal-content :is(input:not([type=hidden]), select, textarea):not([disabled])";

const TABBABLE = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex], [contenteditable=true]";

/**
 * Tab past the last element (Shift+Tab before the first) comes round to the other end:
 * a native modal lets it go out to the browser's own bar instead.
 */
function cycle(e: React.KeyboardEvent<HTMLDialogElement>) {
  if (e.key !== "Tab" || e.altKey || e.ctrlKey || e.metaKey) return;
  const all = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(TABBABLE)).filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
  );
  if (all.length === 0) return;
  const first = all[0];
  const last = all[all.length - 1];
  const active = document.activeElement;
  if (e.shiftKey && (active === first || active === e.currentTarget)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * A modal on the native <dialog>: showModal() makes the page behind inert, Esc closes, and
 * Tab/Shift+Tab go round inside (`cycle`). Focus goes to the first field on opening and back to the element
 * that opened the dialog on closing (unless the dialog's action moved it on, e.g. to the text:
 * the editor's focus command runs after this, in the next frame).
 */
export function Dialog({ open, title, onClose, children, footer, wide, testId, describedBy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Layout effect: before the browser paints, and its cleanup runs while the opener is still there.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && !dialog.contains(active) ? active : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>("[data-autofocus]") ?? dialog.querySelector<HTMLElement>(FIRST_FIELD);
    if (first) first.focus();
    // No field (the conflict dialog): the dialog itself, so that its title is read, not "关闭".
    else dialog.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Only when focus was left nowhere: inside the closed dialog, or on the page itself.
      const now = document.activeElement;
      const lost = !now || now === document.body || dialog.contains(now);
      if (opener?.isConnected && lost) opener.focus();
    };
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`modal${wide ? " modal-wide" : ""}`}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={open ? describedBy : undefined}
      tabIndex={-1}
      data-testid={testId}
      onKeyDown={cycle}
      onClose={() => {
        if (open) onClose();
      }}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <div className="modal-body">
          <header className="modal-header">
            <h2 id={titleId}>{title}</h2>
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
