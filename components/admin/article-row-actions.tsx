"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Dialog } from "@/components/editor/dialog";
import { deleteArticleAction, duplicateArticleAction } from "@/lib/articles/actions";

/** 编辑 / 预览 / 复制 / 删除 for one row of the article list. */
export function ArticleRowActions({ id, title, canDelete, canDuplicate }: { id: number; title: string; canDelete: boolean; canDuplicate: boolean }) {
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
      <Link href={`/admin/articles/${id}`}>编辑</Link>
      <Link href={`/admin/articles/${id}/preview`} target="_blank">
        预览
      </Link>
      {canDuplicate && (
        <button type="button" className="button-link" disabled={pending} onClick={duplicate}>
          复制
        </button>
      )}
      {canDelete && (
        <button type="button" className="button-link is-danger" disabled={pending} onClick={() => setConfirming(true)}>
          删除
        </button>
      )}
      {error && !confirming && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      <Dialog
        open={confirming}
        title="删除草稿"
        onClose={() => setConfirming(false)}
        testId="delete-dialog"
        footer={
          <>
            <span className="spacer" />
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              取消
            </button>
            <button type="button" className="button button-danger" disabled={pending} onClick={remove}>
              {pending ? "正在删除…" : "确认删除"}
            </button>
          </>
        }
      >
        <p>
          确定删除草稿《{title}》吗？它的全部修订记录也会一起删除，<strong>无法恢复</strong>。
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </Dialog>
    </div>
  );
}
