"use client";

import type { SaveStatus } from "./article-saver";
import { fill } from "@/lib/i18n/fill";
import { t } from "@/lib/i18n/zh-CN";

const time = (d: Date) => d.toLocaleTimeString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" });

/**
 * What a screen reader is told, and when: a change of the save state (saving, saved, failed,
 * conflict), once — not "unsaved changes" on every keystroke. The live region's text changes
 * only when the state does, and a live region speaks only when its text changes.
 */
function announcement(status: SaveStatus, text: string): string {
  switch (status.kind) {
    case "saving":
    case "saved":
    case "error":
    case "conflict":
      return text;
    default:
      // clean, dirty, waiting: what typing causes; the visible line says it, the live region stays quiet.
      return "";
  }
}

/**
 * One line that always says where the editor's work stands, and a polite live region that
 * announces its changes. `announce={false}` for a second copy of the line (full screen), so
 * that a change is not read twice.
 */
export function SaveStatusText({ status, announce = true }: { status: SaveStatus; announce?: boolean }) {
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
    <>
      <span className={`save-status ${tone}`} data-testid="save-status">
        {text}
      </span>
      {announce && (
        <span className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="save-status-live">
          {announcement(status, text)}
        </span>
      )}
    </>
  );
}
