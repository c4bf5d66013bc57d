import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import JSZip from "jszip";
import { mainDocumentPath } from "./scan";
import { child, children, NumberingCounter, paragraphNumbering, readNumberingDefs, type LevelDef } from "./numbering";

/**
 * 公文 heading numbers that Word numbers itself (自动编号) made literal text before
 * mammoth reads the file. mammoth knows a numbered paragraph only as an item of an
 * ordered or bulleted list, so "一、", "（一）", "1.", "（1）" would come out as
 * "1. 2. 3.": here each such paragraph gets the number Word shows written at its
 * start and its numbering taken off, and the paste cleanup (lib/paste/headings.ts)
 * reads the heading levels from the numbers as it does for typed ones.
 *
 * Which numbered paragraphs get literal numbers (the rest stay lists):
 * - 一、 and （一） (Chinese counting with 、 or in brackets) and （1） (decimal in
 *   brackets): always — no ordinary list looks like that, and an HTML list cannot show it;
 * - 1. (decimal with . or ．or 、): only in a 公文 scheme — a list whose higher level is
 *   一、 or （一） — or on a paragraph styled as a heading. A plain "1." list in body
 *   text stays a numbered list, and bullets stay bulleted.
 */
const CHINESE = new Set(["chineseCounting", "chineseCountingThousand", "ideographDigital"]);
const DECIMAL = new Set(["decimal", "decimalFullWidth", "decimalHalfWidth"]);

/** The 公文 rank of a level's number (0 一、, 1 （一）, 2 1., 3 （1）), or -1 for any other list. */
export function gongwenRank(level: LevelDef, ilvl: number): number {
  const own = `%${ilvl + 1}`;
  const text = level.lvlText.trim();
  const bracketed = text === `（${own}）` || text === `(${own})`;
  if (CHINESE.has(level.numFmt) && !level.isLgl) {
    if (text === `${own}、`) return 0;
    if (bracketed) return 1;
  }
  if (DECIMAL.has(level.numFmt)) {
    if (text === `${own}.` || text === `${own}．` || text === `${own}、`) return 2;
    if (bracketed) return 3;
  }
  if (level.numFmt === "decimalEnclosedParen" && text === own) return 3;
  return -1;
}

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

function wElement(doc: Document, like: Element, name: string, value?: string): Element {
  const el = doc.createElementNS(like.namespaceURI ?? W_NS, `${like.prefix ?? "w"}:${name}`);
  if (value !== undefined) el.setAttributeNS(like.namespaceURI ?? W_NS, `${like.prefix ?? "w"}:val`, value);
  return el;
}

/** The number as the paragraph's first run (in its first run's formatting), and its numbering off (numId 0, which also overrides a style's). */
function makeLiteral(doc: Document, p: Element, number: string): void {
  let pPr = child(p, "w:pPr");
  if (!pPr) {
    pPr = wElement(doc, p, "pPr");
    p.insertBefore(pPr, p.firstChild);
  }
  for (const old of children(pPr, "w:numPr")) pPr.removeChild(old);
  const numPr = wElement(doc, p, "numPr");
  numPr.appendChild(wElement(doc, p, "ilvl", "0"));
  numPr.appendChild(wElement(doc, p, "numId", "0"));
  pPr.appendChild(numPr);

  const run = wElement(doc, p, "r");
  const firstRunProps = child(p.getElementsByTagName("w:r")[0], "w:rPr");
  if (firstRunProps) run.appendChild(firstRunProps.cloneNode(true));
  const t = wElement(doc, p, "t");
  t.setAttributeNS(XML_NS, "xml:space", "preserve");
  t.appendChild(doc.createTextNode(number));
  run.appendChild(t);
  p.insertBefore(run, pPr.nextSibling);
}

/** The document part with its 公文 numbers made literal, or null when it has none. */
export function literalNumberingXml(parts: { document: string; numbering: string | null; styles: string | null }): string | null {
  if (!parts.numbering) return null;
  // A part that does not parse stops this pass (the caller reads the file as it is).
  const fail = (message: unknown) => {
    throw new Error(String(message));
  };
  const parser = new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } });
  const parse = (xml: string | null) => (xml ? parser.parseFromString(xml, "application/xml") : null);
  const defs = readNumberingDefs(parse(parts.numbering), parse(parts.styles));
  if (!defs.nums.size) return null;
  const doc = parse(parts.document)!;
  const counter = new NumberingCounter(defs);
  // A 公文 scheme: a list whose levels include 一、 or （一）.
  const scheme = new Map<string, boolean>();
  const inScheme = (numId: string, ilvl: number) => [...counter.levelsOf(numId)].some(([i, l]) => i < ilvl && gongwenRank(l, i) >= 0 && gongwenRank(l, i) < 2);
  let changed = false;
  for (const p of Array.from(doc.getElementsByTagName("w:p"))) {
    const numbering = paragraphNumbering(defs, child(p, "w:pPr"));
    if (!numbering) continue;
    const counted = counter.next(numbering);
    if (!counted) continue;
    const rank = gongwenRank(counted.level, numbering.ilvl);
    if (rank < 0) continue;
    if (rank === 2 && !numbering.heading) {
      const key = `${numbering.numId}/${numbering.ilvl}`;
      if (!scheme.has(key)) scheme.set(key, inScheme(numbering.numId, numbering.ilvl));
      if (!scheme.get(key)) continue;
    }
    makeLiteral(doc, p, counted.text.trim());
    changed = true;
  }
  return changed ? new XMLSerializer().serializeToString(doc) : null;
}

/** The part a relationship of the given type (…/numbering, …/styles) points to from the main part, or Word's usual path. */
function relatedPart(rels: string | null, main: string, type: string, fallback: string): string {
  for (const m of (rels ?? "").matchAll(/<Relationship\b[^>]*>/g)) {
    if (!new RegExp(`Type="[^"]*/${type}"`).test(m[0])) continue;
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (!target) continue;
    if (target.startsWith("/")) return target.slice(1);
    return `${main.slice(0, main.lastIndexOf("/") + 1)}${target}`;
  }
  return fallback;
}

/** The .docx with its 公文 numbers made literal (./numbering.ts), or the same bytes when there are none. */
export async function withLiteralNumbering(data: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const text = (name: string) => zip.file(name)?.async("string") ?? Promise.resolve(null);
  const main = mainDocumentPath(await text("_rels/.rels"));
  const document = await text(main);
  if (document === null) return data;
  const rels = await text(`${main.slice(0, main.lastIndexOf("/") + 1)}_rels/${main.slice(main.lastIndexOf("/") + 1)}.rels`);
  const numbering = await text(relatedPart(rels, main, "numbering", "word/numbering.xml"));
  const styles = await text(relatedPart(rels, main, "styles", "word/styles.xml"));
  const literal = literalNumberingXml({ document, numbering, styles });
  if (literal === null) return data;
  zip.file(main, literal);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
}
