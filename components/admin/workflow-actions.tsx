"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";
import { fromLocalInput } from "@/lib/format/zone";
import {
  approveArticle,
  publishArticle,
  recallArticle,
  rejectArticle,
  scheduleArticle,
  submitArticle,
  unscheduleArticle,
  withdrawArticle,
} from "@/lib/workflow/actions";
import { ACTION_LABELS, type UserAction } from "@/lib/workflow/transitions";

/** `version`: the version shown on this page — an approval holds for exactly that one. */
type Props = { articleId: number; version: number; actions: UserAction[]; wasLive: boolean; zoneOffset: string };

/** What each action asks for before it runs. */
const FORM: Partial<Record<UserAction, { field: "comment" | "reason" | "correction" | "scheduledAt"; label: string; required: boolean }>> = {
  submit: { field: "comment", label: "提交说明（可选）", required: false },
  recall: { field: "comment", label: "撤回说明（可选）", required: false },
  approve: { field: "comment", label: "审核意见（可选）", required: false },
  reject: { field: "comment", label: "退回意见（必填）", required: true },
  schedule: { field: "scheduledAt", label: "发布时间", required: true },
  withdraw: { field: "reason", label: "撤稿原因（必填，将被记录）", required: true },
};

export function WorkflowActions({ articleId, version, actions, wasLive, zoneOffset }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<UserAction | null>(null);
  const [value, setValue] = useState("");
  const [error, setError] = useState("");
  // The last action's outcome, for a screen reader (polite); errors go to the alert below.
  const [done, setDone] = useState("");
  const [pending, startTransition] = useTransition();

  // The outcome stays said when no action is left (after publishing, say).
  const outcome = (
    <p className={done ? "gov-success" : "visually-hidden"} role="status" aria-live="polite" data-testid="workflow-outcome">
      {done}
    </p>
  );

  if (actions.length === 0)
    return (
      <>
        <p className="muted">当前没有您可以执行的审核或发布操作。</p>
        {outcome}
      </>
    );

  function run(act: UserAction) {
    setError("");
    setDone("");
    startTransition(async () => {
      let result: ActionResult<unknown>;
      switch (act) {
        case "submit": result = await submitArticle({ articleId, comment: value }); break;
        case "recall": result = await recallArticle({ articleId, comment: value }); break;
        case "approve": result = await approveArticle({ articleId, version, comment: value }); break;
        case "reject": result = await rejectArticle({ articleId, comment: value }); break;
        case "publish": result = await publishArticle({ articleId, correction: value }); break;
        case "schedule": result = await scheduleArticle({ articleId, scheduledAt: value ? fromLocalInput(value, zoneOffset).toISOString() : "" }); break;
        case "unschedule": result = await unscheduleArticle({ articleId }); break;
        case "withdraw": result = await withdrawArticle({ articleId, reason: value }); break;
        default: return;
      }
      if (result.ok) {
        setDone(`${ACTION_LABELS[act]}：已完成`);
        setOpen(null);
        setValue("");
        router.refresh();
      } else {
        setError(result.fieldErrors ? Object.values(result.fieldErrors).flat().join(" ") : result.error);
      }
    });
  }

  const form = open ? (open === "publish" && wasLive ? { field: "correction", label: "更正说明（可选，将公开显示在正文下方）", required: false } : FORM[open]) : undefined;

  return (
    <div className="workflow-actions">
      <div className="button-row">
        {actions.map((act) => (
          <button
            key={act}
            type="button"
            className={`button ${act === "reject" || act === "withdraw" || act === "recall" ? "button-danger" : "button-primary"}`}
            aria-expanded={open === act}
            disabled={pending}
            onClick={() => {
              setError("");
              setDone("");
              setValue("");
              if (FORM[act] || (act === "publish" && wasLive)) setOpen(open === act ? null : act);
              else run(act);
            }}
          >
            {ACTION_LABELS[act]}
          </button>
        ))}
      </div>
      {open && form && (
        <form
          className="workflow-form"
          onSubmit={(e) => {
            e.preventDefault();
            run(open);
          }}
        >
          <label className="field">
            <span>{form.label}</span>
            {form.field === "scheduledAt" ? (
              <input type="datetime-local" required autoFocus value={value} onChange={(e) => setValue(e.target.value)} />
            ) : (
              <textarea rows={3} required={form.required} autoFocus value={value} onChange={(e) => setValue(e.target.value)} maxLength={1000} />
            )}
          </label>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={pending}>
              确认{ACTION_LABELS[open]}
            </button>
            <button
              type="button"
              className="button"
              onClick={(e) => {
                // Back to the button that opened the form, which stays where it is.
                e.currentTarget.closest(".workflow-actions")?.querySelector<HTMLElement>('button[aria-expanded="true"]')?.focus();
                setOpen(null);
              }}
            >
              取消
            </button>
          </div>
        </form>
      )}
      {outcome}
      {error && (
        <p className="form-error" role="alert" data-testid="workflow-error">
          {error}
        </p>
      )}
    </div>
  );
}
