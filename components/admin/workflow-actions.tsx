"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";
import { fromLocalInput, toLocalInput, zoneLabel } from "@/lib/format/zone";
import {
  approveArticle,
  publishArticle,
  recallArticle,
  rejectArticle,
  scheduleArticle,
  sendBackArticle,
  submitArticle,
  unscheduleArticle,
  withdrawArticle,
} from "@/lib/workflow/actions";
import { ACTION_LABELS, type UserAction } from "@/lib/workflow/transitions";
import { useHydrated } from "./use-hydrated";

/**
 * `version`: the version shown on this page — an approval holds for exactly that one.
 * `approvalIsLast`: this user's approval would pass the last level (the form then offers
 * to publish now or at the proposed time). Times are read in the site's zone (`zoneOffset`).
 */
type Props = {
  articleId: number;
  version: number;
  actions: UserAction[];
  wasLive: boolean;
  zoneOffset: string;
  approvalIsLast?: boolean;
  proposedPublishAt?: string | null;
  /** What follows a done action: by default the server-rendered page is refreshed. */
  afterAction?: () => void;
};

/** What each action asks for before it runs: a text, a time, or both. */
type FormSpec = { field?: "comment" | "reason" | "correction"; label?: string; required?: boolean; time?: "proposed" | "schedule" };
const FORM: Partial<Record<UserAction, FormSpec>> = {
  submit: { field: "comment", label: "提交说明（可选）", required: false, time: "proposed" },
  recall: { field: "comment", label: "撤回说明（可选）", required: false },
  approve: { field: "comment", label: "审核意见（可选）", required: false },
  reject: { field: "comment", label: "退回意见（必填，退回给作者修改）", required: true },
  sendBack: { field: "comment", label: "退回意见（必填，退回上一级重新审核）", required: true },
  schedule: { time: "schedule" },
  withdraw: { field: "reason", label: "撤稿原因（必填，将被记录）", required: true },
};

/** What the last approver does after approving: nothing yet, publish now, or schedule. */
type Then = "none" | "publish" | "schedule";

export function WorkflowActions({ articleId, version, actions, wasLive, zoneOffset, approvalIsLast = false, proposedPublishAt = null, afterAction }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<UserAction | null>(null);
  const [value, setValue] = useState("");
  const [when, setWhen] = useState("");
  const [then, setThen] = useState<Then>("none");
  const [error, setError] = useState("");
  // The last action's outcome, for a screen reader (polite); errors go to the alert below.
  const [done, setDone] = useState("");
  const [pending, startTransition] = useTransition();
  // The buttons do nothing until React has hydrated them: a tap before then (a slow phone) would be lost.
  const hydrated = useHydrated();
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const errorId = useId();

  // Done, the form (or, after the refresh, the button) that had the focus is gone: the focus
  // goes to the outcome, so that a keyboard user goes on from here and not from the page's top.
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (done && lost) outcomeRef.current?.focus();
  }, [done, actions]);

  // The outcome stays said when no action is left (after publishing, say), in the same place
  // whatever follows, so that it keeps the focus across the refresh.
  const outcome = (
    <p ref={outcomeRef} tabIndex={-1} className={done ? "gov-success" : "visually-hidden"} role="status" aria-live="polite" data-testid="workflow-outcome">
      {done}
    </p>
  );

  if (actions.length === 0)
    return (
      <div className="workflow-actions">
        {outcome}
        <p className="muted">当前没有您可以执行的审核或发布操作。</p>
      </div>
    );

  const zone = zoneLabel(zoneOffset);
  const instant = (local: string) => (local ? fromLocalInput(local, zoneOffset).toISOString() : "");

  function openForm(act: UserAction) {
    setError("");
    setDone("");
    setValue("");
    // The last approver starts from the submitter's proposal: keeping it schedules the article.
    setWhen(act === "approve" || act === "schedule" ? toLocalInput(proposedPublishAt, zoneOffset) : "");
    setThen(act === "approve" && approvalIsLast && proposedPublishAt ? "schedule" : "none");
    setOpen(open === act ? null : act);
  }

  function run(act: UserAction) {
    setError("");
    setDone("");
    startTransition(async () => {
      let result: ActionResult<unknown>;
      switch (act) {
        case "submit": result = await submitArticle({ articleId, comment: value, ...(when ? { proposedPublishAt: instant(when) } : {}) }); break;
        case "recall": result = await recallArticle({ articleId, comment: value }); break;
        case "approve":
          result = await approveArticle({
            articleId,
            version,
            comment: value,
            ...(approvalIsLast && then !== "none" ? { then, ...(then === "schedule" ? { scheduledAt: instant(when) } : {}) } : {}),
          });
          break;
        case "reject": result = await rejectArticle({ articleId, comment: value }); break;
        case "sendBack": result = await sendBackArticle({ articleId, comment: value }); break;
        case "publish": result = await publishArticle({ articleId, correction: value }); break;
        case "schedule": result = await scheduleArticle({ articleId, scheduledAt: instant(when) }); break;
        case "unschedule": result = await unscheduleArticle({ articleId }); break;
        case "withdraw": result = await withdrawArticle({ articleId, reason: value }); break;
        default: return;
      }
      if (result.ok) {
        setDone(`${ACTION_LABELS[act]}：已完成`);
        setOpen(null);
        setValue("");
        setWhen("");
        if (afterAction) afterAction();
        else router.refresh();
      } else {
        setError(result.fieldErrors ? Object.values(result.fieldErrors).flat().join(" ") : result.error);
      }
    });
  }

  const form: FormSpec | undefined = open
    ? open === "publish" && wasLive
      ? { field: "correction", label: "更正说明（可选，将公开显示在正文下方）", required: false }
      : FORM[open]
    : undefined;

  return (
    <div className="workflow-actions">
      {outcome}
      <div className="button-row">
        {actions.map((act) => (
          <button
            key={act}
            type="button"
            className={`button ${act === "reject" || act === "withdraw" || act === "recall" ? "button-danger" : "button-primary"}`}
            aria-expanded={open === act}
            disabled={pending || !hydrated}
            onClick={() => {
              if (FORM[act] || (act === "publish" && wasLive)) openForm(act);
              else {
                setError("");
                setDone("");
                run(act);
              }
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
          {form.field && (
            <label className="field">
              <span>{form.label}</span>
              <textarea
                rows={3}
                required={form.required}
                autoFocus
                value={value}
                onChange={(e) => setValue(e.target.value)}
                maxLength={1000}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
              />
            </label>
          )}
          {form.time === "proposed" && (
            <label className="field">
              <span>拟发布时间（{zone}，可选）</span>
              <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
              <span className="field-hint">终审人员审核通过时可按此时间定时发布，也可改期或立即发布。</span>
            </label>
          )}
          {form.time === "schedule" && (
            <label className="field">
              <span>发布时间（{zone}）</span>
              <input type="datetime-local" required autoFocus value={when} onChange={(e) => setWhen(e.target.value)} />
            </label>
          )}
          {open === "approve" && approvalIsLast && (
            <fieldset className="gov-fieldset">
              <legend>审核通过后</legend>
              <label className="gov-check">
                <input type="radio" name="workflow-then" checked={then === "none"} onChange={() => setThen("none")} />
                仅审核通过，稍后再发布
              </label>
              <label className="gov-check">
                <input type="radio" name="workflow-then" checked={then === "publish"} onChange={() => setThen("publish")} />
                立即发布
              </label>
              <label className="gov-check">
                <input type="radio" name="workflow-then" checked={then === "schedule"} onChange={() => setThen("schedule")} />
                {proposedPublishAt ? "按拟发布时间定时发布（可修改）" : "定时发布"}
              </label>
              {then === "schedule" && (
                <label className="field">
                  <span>发布时间（{zone}）</span>
                  <input type="datetime-local" required value={when} onChange={(e) => setWhen(e.target.value)} />
                </label>
              )}
            </fieldset>
          )}
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
      {error && (
        <p className="form-error" role="alert" id={errorId} data-testid="workflow-error">
          {error}
        </p>
      )}
    </div>
  );
}
