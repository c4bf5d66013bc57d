"use client";

import { useState } from "react";
import { t } from "@/lib/i18n/zh-CN";

const WIDTHS = { desktop: { label: t.articlesAdmin.desktop, width: "100%" }, phone: { label: t.articlesAdmin.phone, width: "390px" } } as const;

/**
 * The public page in a frame, so that the site's own styles and its phone layout
 * (media queries follow the frame's width) apply exactly as for readers.
 */
export function PreviewFrame({ src }: { src: string }) {
  const [device, setDevice] = useState<keyof typeof WIDTHS>("desktop");
  return (
    <div className="preview">
      <div className="preview-switch" role="group" aria-label={t.articlesAdmin.previewWidth}>
        {(Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]).map((d) => (
          <button key={d} type="button" className={`button button-small${device === d ? " button-primary" : ""}`} aria-pressed={device === d} onClick={() => setDevice(d)}>
            {WIDTHS[d].label}
          </button>
        ))}
        <a className="button button-small" href={src} target="_blank" rel="noopener">
          {t.articlesAdmin.openInWindow}
        </a>
      </div>
      <div className={`preview-stage is-${device}`}>
        <iframe title={t.articlesAdmin.previewFrame} src={src} style={{ width: WIDTHS[device].width }} data-testid="preview-frame" />
      </div>
    </div>
  );
}
