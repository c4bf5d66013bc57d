"use client";

import { useEffect, useState } from "react";
import { formatDateTime } from "@/lib/format/date";

/**
 * The print date on the printed page is the moment of printing, not of rendering (the
 * page is cached): it is set when the browser prepares to print.
 */
export function PrintDate() {
  const [printedAt, setPrintedAt] = useState("");

  useEffect(() => {
    const stamp = () => setPrintedAt(formatDateTime(new Date()));
    const media = window.matchMedia("print");
    const onMedia = (event: MediaQueryListEvent) => event.matches && stamp();
    window.addEventListener("beforeprint", stamp);
    media.addEventListener("change", onMedia);
    return () => {
      window.removeEventListener("beforeprint", stamp);
      media.removeEventListener("change", onMedia);
    };
  }, []);

  return <span data-testid="print-date">{printedAt}</span>;
}
