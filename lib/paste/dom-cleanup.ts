import type { PasteReport } from "./report";

/** Elements whose content is never article text. */
const DROP = new Set([
  "script", "style", "meta", "link", "title", "head", "xml", "template", "noscript", "iframe", "frame", "object", "embed",
  "applet", "form", "input", "button", "select", "textarea", "option", "svg", "math", "canvas", "video", "audio", "source",
  "map", "area", "mp-style-type",
]);

/**
 * Removes everything that is not content before the content is read: comments
 * (including Word's conditional comments), namespaced Office elements (o:p, v:shape…),
 * hidden elements, tracked changes (accepting them: insertions stay, deletions go)
 * and review comments with their anchors.
 */
export function removeJunk(root: Element, report: PasteReport): void {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);

  // Word wraps a tracked change's text in <ins><span class=msoIns>: count the change once.
  const insideChange = new Set<Element>();
  for (const el of Array.from(root.querySelectorAll("*"))) {
    if (!el.isConnected) continue;
    const tag = el.tagName.toLowerCase();
    const style = (el.getAttribute("style") ?? "").toLowerCase().replace(/\s+/g, "");
    const cls = el.getAttribute("class") ?? "";
    if (DROP.has(tag) || (tag.includes(":") && !el.querySelector("img"))) {
      el.remove();
    } else if (tag.includes(":")) {
      unwrap(el);
    } else if (style.includes("display:none") || style.includes("mso-hide:all")) {
      el.remove();
    } else if (tag === "del" || /\bmsoDel\b/.test(cls)) {
      report.removed.trackedChanges++;
      el.remove();
    } else if (tag === "ins" || /\bmsoIns\b/.test(cls)) {
      if (!insideChange.has(el)) report.removed.trackedChanges++;
      for (const inner of Array.from(el.querySelectorAll("*"))) insideChange.add(inner);
      unwrap(el);
    } else if (
      style.includes("mso-element:comment-list") ||
      /\b(msocomtxt|msocomoff|MsoCommentReference|MsoCommentText)\b/.test(cls) ||
      style.includes("mso-comment-reference") ||
      (tag === "a" && /^#_msocom/.test(el.getAttribute("href") ?? ""))
    ) {
      if (style.includes("mso-element:comment-list")) {
        const entries = Array.from(el.querySelectorAll("[style]")).filter((c) => /mso-element:\s*comment(?!-)/i.test(c.getAttribute("style") ?? ""));
        report.removed.comments += Math.max(1, entries.length);
      }
      el.remove();
    } else if (style.includes("mso-comment-continuation")) {
      unwrap(el);
    }
  }
}

export function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}
