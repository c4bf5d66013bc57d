import { DISPLAY_TIME_ZONE } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";
import { FONT_SIZES, type FontSize } from "./reading-prefs";

/**
 * The public pages' few interactive parts, as plain markup with data-* hooks. The
 * pages ship no framework runtime (see lib/site/render.ts): one small script,
 * site-script.ts, finds these hooks and brings them to life. Without it they stay
 * harmless: the numbers and labels rendered here are already right.
 */

/** 长者模式 (high contrast, large text), in the header of every public page. */
export function ElderModeToggle() {
  return (
    <button type="button" className="elder-toggle" aria-pressed="false" title={t.site.elderModeHint} data-elder-toggle="">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
        <path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 2v16a8 8 0 0 1 0-16Z" />
      </svg>
      {t.site.elderMode}
    </button>
  );
}

const FONT_LABEL: Record<FontSize, string> = { large: t.site.fontLarge, medium: t.site.fontMedium, small: t.site.fontSmall };

/** 字号 大 中 小: the article body's size, kept for the next articles too. */
export function FontSizeSwitch() {
  return (
    <div className="font-switch" role="group" aria-label={t.site.fontSize}>
      <span aria-hidden="true">{t.site.fontSize}：</span>
      {FONT_SIZES.map((size) => (
        <button key={size} type="button" aria-pressed={size === "medium"} aria-label={t.site.fontSizeLabel.replace("{size}", FONT_LABEL[size])} data-font-size={size}>
          {FONT_LABEL[size]}
        </button>
      ))}
    </div>
  );
}

export function PrintButton() {
  return (
    <button type="button" className="action-button" data-print="">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
        <path fill="currentColor" d="M6 2h12v5H6V2Zm-2 7h16a2 2 0 0 1 2 2v6h-4v5H6v-5H2v-6a2 2 0 0 1 2-2Zm4 7v4h8v-4H8Z" />
      </svg>
      {t.site.print}
    </button>
  );
}

/**
 * 关闭 closes the window when the browser lets a page do so — a window a script
 * opened, or a fresh one with nothing to go back to (government sites open articles
 * in new windows); otherwise it goes to `fallbackHref`: the article's column, or home.
 */
export function CloseButton({ fallbackHref }: { fallbackHref: string }) {
  return (
    <button type="button" className="action-button" data-close={fallbackHref}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
        <path fill="currentColor" d="m6.4 5 5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4 6.4 5Z" />
      </svg>
      {t.site.close}
    </button>
  );
}

/**
 * 浏览次数. The page is served from cache, so the number rendered into it is only a
 * starting point: on a real view the script posts one beacon and shows the count it
 * returns. A prerendered page waits until the reader actually sees it.
 */
export function ViewCount({ articleId, initial }: { articleId: number; initial: number }) {
  return (
    <span data-testid="view-count" aria-live="off" data-view-count={articleId}>
      {initial}
    </span>
  );
}

/** The print date on paper: stamped when printing starts, not when the (cached) page was rendered. */
export function PrintDate() {
  return <span data-testid="print-date" data-print-date={DISPLAY_TIME_ZONE} />;
}
