import { t } from "@/lib/i18n/zh-CN";
import { MARK_CLOSE, MARK_OPEN } from "./markers";

/**
 * mammoth's HTML made into what a paste from Word looks like to the cleanup
 * (lib/paste/clean.ts), for the little it carries differently:
 * - the paragraph markers (./mammoth.ts) become inline text-align / text-indent;
 * - footnotes and endnotes: the references stay as superscript "[1]" without their
 *   in-page links, the notes become a numbered list under a 注释 heading at the end
 *   without their "↑" back-links.
 */
const MARKER = new RegExp(`${MARK_OPEN}([a-z]*)${MARK_CLOSE}`, "g");
const BLOCK = "p, h1, h2, h3, h4, h5, h6, li, td, th";
const NOTE_ID = /^gz-(footnote|endnote)-\d+$/;

export interface PreparedHtml {
  html: string;
  notes: number;
}

export function prepareMammothHtml(html: string, parser: DOMParser): PreparedHtml {
  const doc = parser.parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, "text/html");
  const body = doc.body;

  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  for (const node of texts) {
    const value = node.data;
    if (!value.includes(MARK_OPEN)) continue;
    const flags = new RegExp(MARKER.source).exec(value)?.[1] ?? "";
    node.data = value.replace(MARKER, "");
    const block = node.parentElement?.closest(BLOCK);
    if (!block || block.hasAttribute("style")) continue;
    const style = [flags.includes("c") ? "text-align:center" : flags.includes("r") ? "text-align:right" : "", flags.includes("i") ? "text-indent:2em" : ""].filter(Boolean);
    if (style.length) block.setAttribute("style", style.join(";"));
  }

  // References: the number stays (mammoth sets it in <sup>), the in-page link goes.
  for (const a of Array.from(body.querySelectorAll('a[href^="#gz-footnote-"], a[href^="#gz-endnote-"]'))) {
    if (/-ref-\d+$/.test(a.getAttribute("href") ?? "")) continue;
    a.replaceWith(doc.createTextNode(a.textContent ?? ""));
  }
  const items = Array.from(body.querySelectorAll("li")).filter((li) => NOTE_ID.test(li.id));
  const lists = new Set(items.map((li) => li.parentElement).filter((l): l is HTMLElement => !!l));
  for (const li of items) {
    for (const back of Array.from(li.querySelectorAll('a[href*="-ref-"]'))) back.remove();
    li.removeAttribute("id");
  }
  for (const [i, list] of [...lists].entries()) {
    if (i === 0) {
      const heading = doc.createElement("h1");
      heading.textContent = t.wordImport.notesHeading;
      list.before(heading);
    }
  }
  return { html: body.innerHTML, notes: items.length };
}
