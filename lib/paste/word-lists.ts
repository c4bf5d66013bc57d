/**
 * Word and WPS do not paste lists as <ul>/<ol>: each item is a paragraph styled
 * `mso-list:l0 level1 lfo1` whose bullet or number is typed into a span marked
 * `mso-list:Ignore`. This turns runs of such paragraphs back into nested lists.
 */
const LIST_STYLE = /mso-list:\s*l(\d+)\s+level(\d+)/i;
const SYMBOL_FONT = /font-family:\s*["']?(Wingdings|Symbol|Webdings)/i;
/** 1.  a)  iv.  (3)  一、 — a number or a letter followed by its separator. */
const ORDERED_MARKER = /^[(（]?(\d+|[a-z]|[ivxlcdm]+|[一二三四五六七八九十]+)[.)）、．]$|^[(（](\d+|[一二三四五六七八九十]+)[)）]$/i;

interface ListItemInfo {
  el: Element;
  level: number;
  ordered: boolean;
}

function itemInfo(el: Element): ListItemInfo | null {
  const match = LIST_STYLE.exec(el.getAttribute("style") ?? "");
  if (!match) return null;
  const marker = Array.from(el.querySelectorAll("[style]")).find((s) => /mso-list:\s*Ignore/i.test(s.getAttribute("style") ?? ""));
  let ordered = false;
  if (marker) {
    const text = (marker.textContent ?? "").replace(/[\s\u00a0]/g, "");
    let symbolFont = false;
    for (let n: Element | null = marker; n && n !== el; n = n.parentElement) {
      if (SYMBOL_FONT.test(n.getAttribute("style") ?? "")) symbolFont = true;
    }
    ordered = !symbolFont && ORDERED_MARKER.test(text);
    marker.remove();
  }
  return { el, level: Math.max(1, Math.min(6, Number(match[2]))), ordered };
}

function nextElement(el: Element): Element | null {
  let n = el.nextSibling;
  // Word puts line breaks between the paragraphs of its HTML.
  while (n && n.nodeType === 3 && !(n.textContent ?? "").trim()) n = n.nextSibling;
  return n && n.nodeType === 1 ? (n as Element) : null;
}

export function convertWordLists(root: Element): void {
  const doc = root.ownerDocument;
  const done = new Set<Element>();
  for (const first of Array.from(root.querySelectorAll("p, div"))) {
    if (done.has(first) || !LIST_STYLE.test(first.getAttribute("style") ?? "")) continue;
    const items: ListItemInfo[] = [];
    for (let el: Element | null = first; el; el = nextElement(el)) {
      const info = LIST_STYLE.test(el.getAttribute("style") ?? "") ? itemInfo(el) : null;
      if (!info) break;
      items.push(info);
      done.add(el);
    }
    const stack: { level: number; list: Element }[] = [];
    const tops: Element[] = [];
    for (const item of items) {
      while (stack.length && stack[stack.length - 1].level > item.level) stack.pop();
      const current = stack[stack.length - 1];
      if (!current || current.level < item.level) {
        const list = doc.createElement(item.ordered ? "ol" : "ul");
        const parentItem = current?.list.lastElementChild;
        if (parentItem) parentItem.appendChild(list);
        else tops.push(list);
        stack.push({ level: item.level, list });
      }
      const li = doc.createElement("li");
      while (item.el.firstChild) li.appendChild(item.el.firstChild);
      stack[stack.length - 1].list.appendChild(li);
    }
    first.replaceWith(...tops);
    for (const item of items.slice(1)) item.el.remove();
  }
}
