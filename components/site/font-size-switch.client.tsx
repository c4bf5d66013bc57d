"use client";

import { useEffect, useState } from "react";
import { t } from "@/lib/i18n/zh-CN";
import { applyFontSize, FONT_SIZES, storedFontSize, type FontSize } from "./reading-prefs";

const LABEL: Record<FontSize, string> = { large: t.site.fontLarge, medium: t.site.fontMedium, small: t.site.fontSmall };

/** 字号 大 中 小: the article body's size, kept for the next articles too. */
export function FontSizeSwitch() {
  const [size, setSize] = useState<FontSize>("medium");

  useEffect(() => {
    // Syncing React with a preference that only the browser knows.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSize(storedFontSize());
  }, []);

  function choose(next: FontSize) {
    setSize(next);
    applyFontSize(next, true);
  }

  return (
    <div className="font-switch" role="group" aria-label={t.site.fontSize}>
      <span aria-hidden="true">{t.site.fontSize}：</span>
      {FONT_SIZES.map((s) => (
        <button
          key={s}
          type="button"
          aria-pressed={size === s}
          aria-label={t.site.fontSizeLabel.replace("{size}", LABEL[s])}
          onClick={() => choose(s)}
        >
          {LABEL[s]}
        </button>
      ))}
    </div>
  );
}
