/**
 * The public site's only script (built to /site.js by scripts/lib/site-assets.ts; no
 * framework): it brings the data-* hooks of reader-controls.tsx to life. Reading
 * pages stay fully usable without it — it adds the view count, the reader's
 * preferences, 打印 and 关闭, and the print date.
 */
import { formatDateTime } from "@/lib/format/date";
import { applyElderMode, applyFontSize, storedElderMode, storedFontSize, type FontSize } from "./reading-prefs";

/** Runs once per page; returns what undoes its listeners (for tests, which reuse one document). */
export function enhance(doc: Document = document): () => void {
  const win = doc.defaultView!;
  const listening = new AbortController();
  applyPreferences(doc);
  doc.addEventListener("click", (event) => onClick(doc, event), { signal: listening.signal });
  preparePrinting(doc, win, listening.signal);
  countView(doc, win);
  return () => listening.abort();
}

/** The stored 长者模式 and font size, on <html> and on the switches' pressed states. */
function applyPreferences(doc: Document) {
  const elder = storedElderMode();
  applyElderMode(elder);
  for (const button of doc.querySelectorAll("[data-elder-toggle]")) button.setAttribute("aria-pressed", String(elder));
  showFontSize(doc, storedFontSize());
}

function showFontSize(doc: Document, size: FontSize) {
  applyFontSize(size);
  for (const button of doc.querySelectorAll<HTMLElement>("[data-font-size]")) button.setAttribute("aria-pressed", String(button.dataset.fontSize === size));
}

/** One listener for every control: the page has few, and none is added later. */
function onClick(doc: Document, event: Event) {
  const target = (event.target as Element | null)?.closest?.<HTMLElement>("[data-elder-toggle], [data-font-size], [data-print], [data-close]");
  if (!target) return;
  const win = doc.defaultView!;
  if (target.hasAttribute("data-elder-toggle")) {
    const on = target.getAttribute("aria-pressed") !== "true";
    applyElderMode(on, true);
    for (const button of doc.querySelectorAll("[data-elder-toggle]")) button.setAttribute("aria-pressed", String(on));
  } else if (target.dataset.fontSize) {
    const size = target.dataset.fontSize as FontSize;
    applyFontSize(size, true);
    showFontSize(doc, size);
  } else if (target.hasAttribute("data-print")) {
    win.print();
  } else if (target.dataset.close !== undefined) {
    const fallback = target.dataset.close || "/";
    win.close();
    // window.close() is silently ignored for a window the reader opened; then go back instead.
    win.setTimeout(() => {
      if (!win.closed) win.location.assign(fallback);
    }, 150);
  }
}

/**
 * Before printing: stamp the print date and load the lazy images, which would
 * otherwise print as blank space.
 */
function preparePrinting(doc: Document, win: Window, signal: AbortSignal) {
  const prepare = () => {
    for (const stamp of doc.querySelectorAll<HTMLElement>("[data-print-date]")) stamp.textContent = formatDateTime(new Date(), stamp.dataset.printDate || undefined);
    for (const img of doc.querySelectorAll<HTMLImageElement>('img[loading="lazy"]')) img.loading = "eager";
  };
  win.addEventListener("beforeprint", prepare, { signal });
  win.matchMedia?.("print").addEventListener?.("change", (event) => event.matches && prepare(), { signal });
}

/**
 * 浏览次数: one beacon per page view, showing the count it returns. A page the browser
 * prerendered counts only when the reader actually opens it; a count that cannot be
 * sent (offline, a static copy without the app) is not an error for the reader.
 */
function countView(doc: Document, win: Window) {
  const counter = doc.querySelector<HTMLElement>("[data-view-count]");
  const id = Number(counter?.dataset.viewCount);
  if (!counter || !Number.isInteger(id) || id <= 0) return;
  const send = () => {
    win
      .fetch("/api/views", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ id }), keepalive: true, credentials: "omit" })
      .then((res) => (res.ok ? (res.json() as Promise<{ count: number }>) : null))
      .then((data) => {
        if (data && Number.isFinite(data.count)) counter.textContent = String(data.count);
      })
      .catch(() => {});
  };
  if ((doc as Document & { prerendering?: boolean }).prerendering) doc.addEventListener("prerenderingchange", send, { once: true });
  else send();
}
