"use client";

import { t } from "@/lib/i18n/zh-CN";

export interface Notice {
  id: number;
  tone: "info" | "warning" | "error";
  text: string;
}

/** Short messages about what just happened (paste cleaned, upload failed…); errors stay until dismissed. */
export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: number) => void }) {
  if (!notices.length) return null;
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="editor-notices">
      {notices.map((n) => (
        <p key={n.id} className={`notice is-${n.tone}`}>
          <span>{n.text}</span>
          <button type="button" aria-label={t.articlesAdmin.closeNotice} onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
