/**
 * How a paragraph style lays out its paragraphs: alignment and first-line indent,
 * resolved through the style's basedOn chain down to the document defaults. mammoth
 * reads both only where a paragraph sets them itself (paragraph.alignment,
 * paragraph.indent), while Chinese templates set them in the style — 正文 with a
 * two-character first-line indent, 标题 centred. Read from word/styles.xml.
 */
export interface ParagraphLook {
  /** w:jc: left, center, right, both, distribute, start, end. */
  align?: string;
  /** Has a first-line indent (not a hanging one). */
  indent?: boolean;
}

export interface StyleLooks {
  /** By style id, resolved. */
  byId: Record<string, ParagraphLook>;
  /** For a paragraph that names no style: the default paragraph style, or the document defaults. */
  normal: ParagraphLook;
}

const child = (el: Element | null | undefined, name: string): Element | null => (el ? (Array.from(el.children).find((c) => c.tagName === name) ?? null) : null);

function lookOf(pPr: Element | null): ParagraphLook {
  const look: ParagraphLook = {};
  const jc = child(pPr, "w:jc")?.getAttribute("w:val");
  if (jc) look.align = jc;
  const ind = child(pPr, "w:ind");
  if (ind) {
    const chars = ind.getAttribute("w:firstLineChars");
    const firstLine = ind.getAttribute("w:firstLine");
    const hanging = ind.getAttribute("w:hanging") ?? ind.getAttribute("w:hangingChars");
    if (chars !== null) look.indent = Number(chars) > 0;
    else if (firstLine !== null) look.indent = Number(firstLine) > 0;
    else if (hanging !== null) look.indent = false;
  }
  return look;
}

export function readStyleLooks(xml: string | null, parser: DOMParser): StyleLooks {
  if (!xml) return { byId: {}, normal: {} };
  const doc = parser.parseFromString(xml, "application/xml");
  const root = doc.documentElement;
  const defaults = lookOf(child(child(child(root, "w:docDefaults"), "w:pPrDefault"), "w:pPr"));
  const own = new Map<string, { look: ParagraphLook; basedOn: string | null }>();
  let defaultId: string | null = null;
  for (const style of Array.from(root.children).filter((c) => c.tagName === "w:style" && c.getAttribute("w:type") === "paragraph")) {
    const id = style.getAttribute("w:styleId");
    if (!id || own.has(id)) continue;
    if (style.getAttribute("w:default") === "1" || style.getAttribute("w:default") === "true") defaultId ??= id;
    own.set(id, { look: lookOf(child(style, "w:pPr")), basedOn: child(style, "w:basedOn")?.getAttribute("w:val") ?? null });
  }
  const resolved = new Map<string, ParagraphLook>();
  const resolve = (id: string, seen: Set<string>): ParagraphLook => {
    const done = resolved.get(id);
    if (done) return done;
    const entry = own.get(id);
    // A missing or circular basedOn ends the chain at the document defaults.
    const base = entry?.basedOn && !seen.has(entry.basedOn) ? resolve(entry.basedOn, seen.add(id)) : defaults;
    const look = { ...base, ...(entry?.look ?? {}) };
    resolved.set(id, look);
    return look;
  };
  const byId: Record<string, ParagraphLook> = Object.create(null);
  for (const id of own.keys()) byId[id] = resolve(id, new Set());
  return { byId, normal: defaultId ? byId[defaultId] : defaults };
}
