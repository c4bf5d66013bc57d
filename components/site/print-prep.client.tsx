"use client";

import { useEffect, useState } from "react";
import { formatDateTime } from "@/lib/format/date";

/**
 * Readies the page when the browser prepares to print: stamps the print date (the
 * moment of printing, not of rendering — the page is cached) and loads the body's
 * lazy images, which would otherwise print as blank space.
 */
export function PrintPrep() {
  const [printedAt, setPrintedAt] = useState("");

  useEffect(() => {
    const prepare = () => {
      setPrintedAt(formatDateTime(new Date()));
      for (const img of document.querySelectorAll<HTMLImageElement>('img[loading="lazy"]')) img.loading = "eager";
    };
    const media = window.matchMedia("print");
    const onMedia = (event: MediaQueryListEvent) => event.matches && prepare();
    window.addEventListener("beforeprint", prepare);
    media.addEventListener("change", onMedia);
    return () => {
      window.removeEventListener("beforeprint", prepare);
      media.removeEventListener("change", onMedia);
    };
  }, []);

  return <span data-testid="print-date">{printedAt}</span>;
}
