"use client";

import Link from "@/components/admin/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteArticleAction, duplicateArticleAction } from "@/lib/articles/actions";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";
import { ConfirmDialog } from "./confirm-dialog";

/** 编辑 / 预览 / 复制 / 删除 for one row of the article list. */
export function ArticleRowActions({ id, title, canDelete, canDuplicate }: { id: number; title: string; canDelete: boolean; canDuplicate: boolean }) {
  const a = t.articlesAdmin;
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();

  const duplicate = () =>
    start(async () => {
      setError("");
      const result = await duplicateArticleAction({ id });
      if (result.ok) router.push(`/admin/articles/${result.data.id}`);
      else setError(result.error);
    });

  const remove = () =>
    start(async () => {
      const result = await deleteArticleAction({ id });
      if (result.ok) {
        setConfirming(false);
        router.refresh();
      } else setError(result.error);
    });

  return (
    <div className="row-actions">
      <Link href={`/admin/articles/${id}`}>{a.edit}</Link>
      <Link href={`/admin/articles/${id}/preview`} target="_blank">
        {a.preview}
      </Link>
      {canDuplicate && (
        <button type="button" className="button-link" disabled={pending} onClick={duplicate}>
          {a.duplicate}
        </button>
      )}
      {canDelete && (
        <button type="button" className="button-link is-danger" disabled={pending} onClick={() => setConfirming(true)}>
          {a.delete}
        </button>
      )}
      {error && !confirming && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      {confirming && (
        <ConfirmDialog
          title={a.deleteTitle}
          confirmLabel={a.confirmDelete}
          pendingLabel={a.deleting}
          pending={pending}
          error={error}
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
          testId="delete-dialog"
        >
          {fill(a.deleteConfirm, { title })}
        </ConfirmDialog>
      )}
    </div>
  );
}
