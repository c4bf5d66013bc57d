import path from "node:path/posix";

/**
 * What mammoth drops without a word, counted in the document's XML so the import can
 * say so: tracked changes (mammoth accepts them: w:ins read, w:del skipped), review
 * comments, equations, charts, SmartArt and embedded objects. And the alt text of
 * pictures that mammoth reads from the VML fallback of an mc:AlternateContent (as in
 * files saved by LibreOffice), where the alt text is only on the DrawingML choice.
 *
 * These are scans for a few element names, not a reading of the document: mammoth reads it.
 */
export interface DocumentScan {
  trackedChanges: number;
  comments: number;
  equations: number;
  charts: number;
  smartArt: number;
  embeddedObjects: number;
  /** Alt text (wp:docPr descr, else title) by the part path of the picture it describes. */
  altByPart: Map<string, string>;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return ENTITIES[e] ?? whole;
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag) ?? new RegExp(`\\s${name}='([^']*)'`).exec(tag);
  return m ? decodeXmlText(m[1]) : null;
}

function distinct(xml: string, pattern: RegExp): number {
  const ids = new Set<string>();
  for (const m of xml.matchAll(pattern)) ids.add(attr(m[0], "w:id") ?? `#${ids.size}`);
  return ids.size;
}

const count = (xml: string, pattern: RegExp) => xml.match(pattern)?.length ?? 0;

/** Relationship id → part path, for a part's .rels (targets relative to the part's folder). */
export function readRelationships(rels: string | null, partPath: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!rels) return out;
  const folder = path.dirname(partPath);
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (!id || !target || attr(m[0], "TargetMode") === "External") continue;
    out.set(id, target.startsWith("/") ? target.slice(1) : path.normalize(path.join(folder, target)));
  }
  return out;
}

export function scanDocumentXml(xml: string, rels: Map<string, string>): DocumentScan {
  const altByPart = new Map<string, string>();
  for (const m of xml.matchAll(/<wp:docPr\b[^>]*>/g)) {
    const alt = (attr(m[0], "descr") || attr(m[0], "title") || "").trim();
    if (!alt) continue;
    const end = xml.indexOf("</w:drawing>", m.index);
    const drawing = xml.slice(m.index, end < 0 ? undefined : end);
    const embed = /<a:blip\b[^>]*\sr:embed="([^"]+)"/.exec(drawing)?.[1];
    const part = embed ? rels.get(embed) : undefined;
    if (part && !altByPart.has(part)) altByPart.set(part, alt);
  }
  return {
    trackedChanges: distinct(xml, /<w:(ins|del|moveFrom|moveTo)\b[^>]*>/g),
    comments: distinct(xml, /<w:commentReference\b[^>]*>/g),
    equations: count(xml, /<m:oMath[\s>]/g),
    charts: count(xml, /<c:chart\b/g),
    smartArt: count(xml, /<dgm:relIds\b/g),
    embeddedObjects: count(xml, /<o:OLEObject\b/g),
    altByPart,
  };
}

/** The main document part, as _rels/.rels names it (word/document.xml in practice). */
export function mainDocumentPath(rootRels: string | null): string {
  for (const m of (rootRels ?? "").matchAll(/<Relationship\b[^>]*>/g)) {
    const type = attr(m[0], "Type") ?? "";
    const target = attr(m[0], "Target");
    if (/\/officeDocument$/.test(type) && target) return path.normalize(target.replace(/^\//, ""));
  }
  return "word/document.xml";
}
