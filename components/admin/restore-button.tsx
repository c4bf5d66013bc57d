"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Dialog } from "@/components/editor/dialog";
import { restoreRevisionAction } from "@/lib/articles/actions";
import { clearLocalDraft } from "./local-draft";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

/** Restores an old revision as the newest version (after a confirmation). */
export function RestoreButton({ articleId, revisionId, version, baseVersion }: { articleId: number; revisionId: number; version: number; baseVersion: number }) {
  const a = t.articlesAdmin;
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  const restore = () =>
    start(async () => {
      setError("");
      const result = await restoreRevisionAction({ articleId, revisionId, baseVersion });
      if (!result.ok) return setError(result.error);
      // Changes kept in this browser were based on the version just replaced.
      clearLocalDraft(articleId);
      router.push(`/admin/articles/${articleId}`);
    });
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        {a.restore}
      </button>
      <Dialog
        open={open}
        title={fill(a.restoreTitle, { n: version })}
        onClose={() => setOpen(false)}
        testId="restore-dialog"
        footer={
          <>
            <span className="spacer" />
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t.common.cancel}
            </button>
            <button type="button" className="button button-primary" disabled={pending} onClick={restore}>
              {pending ? a.restoring : a.confirmRestore}
            </button>
          </>
        }
      >
        <p>{fill(a.restoreExplain, { n: version, next: baseVersion + 1 })}</p>
        <p className="muted">{a.restoreReview}</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </Dialog>
    </>
  );
}
