"use client";

import type { SaveStatus } from "./article-saver";

const time = (d: Date) => d.toLocaleTimeString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" });

/** One line that always says where the editor's work stands. */
export function SaveStatusText({ status }: { status: SaveStatus }) {
  let text: string;
  let tone = "";
  switch (status.kind) {
    case "clean":
      text = "已是最新版本";
      break;
    case "dirty":
      text = "有未保存的修改";
      break;
    case "saving":
      text = "正在保存…";
      break;
    case "saved":
      text = `已保存 ${time(status.at)}`;
      tone = "is-ok";
      break;
    case "waiting":
      text = status.reason;
      break;
    case "error":
      text = `保存失败（${status.reason}）${status.retrying ? "，正在重试…" : ""}`;
      tone = "is-error";
      break;
    case "conflict":
      text = "保存被拒绝：其他人已保存了更新的版本";
      tone = "is-error";
      break;
  }
  return (
    <span className={`save-status ${tone}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </span>
  );
}
