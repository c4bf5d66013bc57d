"use client";

import { t } from "@/lib/i18n/zh-CN";

/**
 * 打印 and 关闭. 关闭 closes the window when the browser lets a page do so — a window a
 * script opened, or a fresh one with nothing to go back to (government sites open
 * articles in new windows); otherwise it goes to the article's column, or the home page.
 */
export function PrintButton() {
  return (
    <button type="button" className="action-button" onClick={() => window.print()}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
        <path fill="currentColor" d="M6 2h12v5H6V2Zm-2 7h16a2 2 0 0 1 2 2v6h-4v5H6v-5H2v-6a2 2 0 0 1 2-2Zm4 7v4h8v-4H8Z" />
      </svg>
      {t.site.print}
    </button>
  );
}

export function CloseButton({ fallbackHref }: { fallbackHref: string }) {
  function close() {
    window.close();
    // window.close() is silently ignored for a window the reader opened; then go back instead.
    window.setTimeout(() => {
      if (!window.closed) window.location.assign(fallbackHref);
    }, 150);
  }
  return (
    <button type="button" className="action-button" onClick={close}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
        <path fill="currentColor" d="m6.4 5 5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4 6.4 5Z" />
      </svg>
      {t.site.close}
    </button>
  );
}
