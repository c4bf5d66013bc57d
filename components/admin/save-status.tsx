"use client";

import type { SaveStatus } from "./article-saver";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

const time = (d: Date) => d.toLocaleTimeString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" });

/** One line that always says where the editor's work stands. */
export function SaveStatusText({ status }: { status: SaveStatus }) {
  const a = t.articlesAdmin;
  let text: string;
  let tone = "";
  switch (status.kind) {
    case "clean":
      text = a.statusClean;
      break;
    case "dirty":
      text = a.statusDirty;
      break;
    case "saving":
      text = a.statusSaving;
      break;
    case "saved":
      text = fill(a.statusSaved, { time: time(status.at) });
      tone = "is-ok";
      break;
    case "waiting":
      text = status.reason;
      break;
    case "error":
      text = fill(a.statusFailed, { reason: status.reason }) + (status.retrying ? a.statusRetrying : "");
      tone = "is-error";
      break;
    case "conflict":
      text = a.statusConflict;
      tone = "is-error";
      break;
  }
  return (
    <span className={`save-status ${tone}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </span>
  );
}
