"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Dialog } from "@/components/editor/dialog";
import { restoreRevisionAction } from "@/lib/articles/actions";
import { clearLocalDraft } from "./local-draft";

/** Restores an old revision as the newest version (after a confirmation). */
export function RestoreButton({ articleId, revisionId, version, baseVersion }: { articleId: number; revisionId: number; version: number; baseVersion: number }) {
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
        恢复此版本
      </button>
      <Dialog
        open={open}
        title={`恢复第 ${version} 版`}
        onClose={() => setOpen(false)}
        testId="restore-dialog"
        footer={
          <>
            <span className="spacer" />
            <button type="button" className="button" onClick={() => setOpen(false)}>
              取消
            </button>
            <button type="button" className="button button-primary" disabled={pending} onClick={restore}>
              {pending ? "正在恢复…" : "确认恢复"}
            </button>
          </>
        }
      >
        <p>第 {version} 版的内容将作为新版本保存（第 {baseVersion + 1} 版），现有的版本都会保留在修订记录中。</p>
        <p className="muted">已审核或已发布的文章恢复后会退回草稿，需要重新提交审核。</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </Dialog>
    </>
  );
}
