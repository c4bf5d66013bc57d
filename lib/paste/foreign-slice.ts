import { classifyImageSrc, type UnusableReason } from "./image-sources";

/**
 * A paste that another ProseMirror editor copied (its HTML carries data-pm-slice) is
 * not cleaned: its markup is already an editor's, and cleaning would lose the slice's
 * structure. Its pictures, though, may have addresses that only made sense on that
 * page (a blob:, a relative path, a file on the copying computer). Those pictures are
 * removed here, with their figure and caption, and their reasons returned for the
 * editor to show; the rest of the HTML is left exactly as it was.
 */
export function dropUnusablePastedImages(
  html: string,
  ownBlob: (src: string) => boolean,
  parser: DOMParser = new DOMParser(),
): { html: string; dropped: UnusableReason[] } {
  if (!/<img[\s>/]/i.test(html)) return { html, dropped: [] };
  const doc = parser.parseFromString(html, "text/html");
  const dropped: UnusableReason[] = [];
  for (const img of Array.from(doc.body.querySelectorAll("img"))) {
    const verdict = classifyImageSrc(img.getAttribute("src"), ownBlob);
    if (verdict.kind !== "unusable") continue;
    dropped.push(verdict.reason);
    const figure = img.closest("figure");
    (figure && figure.querySelectorAll("img").length === 1 ? figure : img).remove();
  }
  return dropped.length ? { html: doc.body.innerHTML, dropped } : { html, dropped };
}
