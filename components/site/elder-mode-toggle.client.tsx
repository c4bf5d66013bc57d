"use client";

import { useEffect, useState } from "react";
import { t } from "@/lib/i18n/zh-CN";
import { applyElderMode, applyFontSize, storedElderMode, storedFontSize } from "./reading-prefs";

/**
 * The 长者模式 switch in the header, on every public page. It also applies the stored
 * preferences when a page loads (there is no inline script: the site's CSP forbids them).
 */
export function ElderModeToggle() {
  const [on, setOn] = useState(false);

  useEffect(() => {
    const stored = storedElderMode();
    applyElderMode(stored);
    applyFontSize(storedFontSize());
    // Syncing React with a preference that only the browser knows.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOn(stored);
  }, []);

  function toggle() {
    const next = !on;
    setOn(next);
    applyElderMode(next, true);
  }

  return (
    <button type="button" className="elder-toggle" aria-pressed={on} onClick={toggle} title={t.site.elderModeHint}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
        <path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 2v16a8 8 0 0 1 0-16Z" />
      </svg>
      {t.site.elderMode}
    </button>
  );
}
