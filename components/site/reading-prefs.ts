/**
 * Reader preferences kept in the browser (public pages are cached and shared, so the
 * server cannot know them): 长者模式 and the body font size. Each is a class on <html>
 * that site.css reacts to; the value survives across pages and visits in localStorage.
 * Browser-only: used by the site script (site-script.ts); the same keys are read by the
 * inline script that applies them before the first paint (reader-prefs.mjs).
 */
import { ELDER_KEY, FONT_KEY } from "@/lib/security/reader-prefs.mjs";

export type FontSize = "large" | "medium" | "small";

export const FONT_SIZES: FontSize[] = ["large", "medium", "small"];

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    // Private mode or storage disabled: the switch still works for this page.
    return null;
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    /* see read() */
  }
}

export function storedElderMode(): boolean {
  return read(ELDER_KEY) === "on";
}

export function storedFontSize(): FontSize {
  const value = read(FONT_KEY);
  return FONT_SIZES.includes(value as FontSize) ? (value as FontSize) : "medium";
}

export function applyElderMode(on: boolean, persist = false) {
  document.documentElement.classList.toggle("elder-mode", on);
  if (persist) write(ELDER_KEY, on ? "on" : null);
}

export function applyFontSize(size: FontSize, persist = false) {
  const root = document.documentElement.classList;
  for (const s of FONT_SIZES) root.toggle(`font-${s}`, s === size && s !== "medium");
  if (persist) write(FONT_KEY, size === "medium" ? null : size);
}
