import { chineseCounting, chineseCountingThousand, ideographDigital } from "./chinese-number";

/**
 * Word's automatic list numbering (word/numbering.xml) as Word counts it, for the
 * 公文 heading numbers (./literal-numbering.ts): which paragraphs are numbered, by
 * which list and level, and the number each one shows.
 *
 * - A paragraph's numbering is its own w:numPr, else its style's (through basedOn);
 *   a style's numPr without w:ilvl takes the level that names the style (w:lvl/w:pStyle).
 *   numId 0 is "no numbering".
 * - Lists (w:num) sharing an abstract list (w:abstractNum) share its counters, as in
 *   Word; a list with w:lvlOverride (w:startOverride, or a whole w:lvl) counts on its own.
 * - A level's counter starts at w:start; using a level restarts the lower ones, unless a
 *   lower level's w:lvlRestart says after which level it restarts (0: never).
 * - w:numStyleLink (a list defined by a numbering style) is followed to that style's list.
 * - w:numIdMacAtCleanup only records the highest list id Word kept when it last tidied
 *   the part: it changes no number, and is not read.
 */
export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  /** w:lvlRestart (1-based level after which this one restarts; 0 never), null when unset. */
  restart: number | null;
  pStyle: string | null;
  isLgl: boolean;
}

interface AbstractDef {
  levels: Map<number, LevelDef>;
  numStyleLink: string | null;
}

interface NumDef {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, LevelDef>;
}

interface StyleDef {
  numId: string | null;
  ilvl: number | null;
  basedOn: string | null;
  heading: boolean;
}

export interface NumberingDefs {
  abstracts: Map<string, AbstractDef>;
  nums: Map<string, NumDef>;
  styles: Map<string, StyleDef>;
  defaultStyle: string | null;
}

export const children = (el: Element | null | undefined, name: string): Element[] => {
  const out: Element[] = [];
  for (let c = el?.firstChild ?? null; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).nodeName === name) out.push(c as Element);
  return out;
};
export const child = (el: Element | null | undefined, name: string): Element | null => children(el, name)[0] ?? null;
export const val = (el: Element | null | undefined): string | null => (el?.hasAttribute("w:val") ? el.getAttribute("w:val") : null);
const int = (s: string | null): number | null => (s !== null && /^-?\d+$/.test(s.trim()) ? Number(s) : null);

function readLevel(lvl: Element): LevelDef {
  const isLgl = child(lvl, "w:isLgl");
  return {
    start: int(val(child(lvl, "w:start"))) ?? 0,
    numFmt: val(child(lvl, "w:numFmt")) ?? "decimal",
    lvlText: val(child(lvl, "w:lvlText")) ?? "",
    restart: int(val(child(lvl, "w:lvlRestart"))),
    pStyle: val(child(lvl, "w:pStyle")),
    isLgl: !!isLgl && !["0", "false", "off"].includes(val(isLgl) ?? "1"),
  };
}

function readLevels(parent: Element): Map<number, LevelDef> {
  const levels = new Map<number, LevelDef>();
  for (const lvl of children(parent, "w:lvl")) {
    const ilvl = int(lvl.getAttribute("w:ilvl")) ?? 0;
    if (!levels.has(ilvl)) levels.set(ilvl, readLevel(lvl));
  }
  return levels;
}

const isHeadingName = (name: string) => /^(heading \d|标题 ?\d)$/i.test(name.trim());

export function readNumberingDefs(numbering: Document | null, styles: Document | null): NumberingDefs {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map(), styles: new Map(), defaultStyle: null };
  const root = numbering?.documentElement;
  for (const a of children(root, "w:abstractNum")) {
    const id = a.getAttribute("w:abstractNumId");
    if (id !== null && !defs.abstracts.has(id)) defs.abstracts.set(id, { levels: readLevels(a), numStyleLink: val(child(a, "w:numStyleLink")) });
  }
  for (const n of children(root, "w:num")) {
    const id = n.getAttribute("w:numId");
    const abstractId = val(child(n, "w:abstractNumId"));
    if (id === null || abstractId === null || defs.nums.has(id)) continue;
    const num: NumDef = { abstractId, starts: new Map(), levels: new Map() };
    for (const o of children(n, "w:lvlOverride")) {
      const ilvl = int(o.getAttribute("w:ilvl")) ?? 0;
      const start = int(val(child(o, "w:startOverride")));
      if (start !== null) num.starts.set(ilvl, start);
      const lvl = child(o, "w:lvl");
      if (lvl) num.levels.set(ilvl, readLevel(lvl));
    }
    defs.nums.set(id, num);
  }
  for (const s of children(styles?.documentElement, "w:style")) {
    const id = s.getAttribute("w:styleId");
    if (!id || defs.styles.has(id)) continue;
    const pPr = child(s, "w:pPr");
    const numPr = child(pPr, "w:numPr");
    const outline = int(val(child(pPr, "w:outlineLvl")));
    defs.styles.set(id, {
      numId: val(child(numPr, "w:numId")),
      ilvl: int(val(child(numPr, "w:ilvl"))),
      basedOn: val(child(s, "w:basedOn")),
      heading: isHeadingName(val(child(s, "w:name")) ?? "") || (outline !== null && outline < 9),
    });
    const def = s.getAttribute("w:default");
    if (s.getAttribute("w:type") === "paragraph" && (def === "1" || def === "true")) defs.defaultStyle ??= id;
  }
  return defs;
}

/** The style and its basedOn chain, nearest first (a cycle ends it). */
function styleChain(defs: NumberingDefs, id: string | null): StyleDef[] {
  const out: StyleDef[] = [];
  const seen = new Set<string>();
  for (let s = id; s && !seen.has(s); ) {
    seen.add(s);
    const style = defs.styles.get(s);
    if (!style) break;
    out.push(style);
    s = style.basedOn;
  }
  return out;
}

/** The abstract list a list uses, through w:numStyleLink when it has one. */
function abstractOf(defs: NumberingDefs, numId: string): { id: string; def: AbstractDef } | null {
  const seen = new Set<string>();
  let num = defs.nums.get(numId);
  while (num && !seen.has(num.abstractId)) {
    seen.add(num.abstractId);
    const def = defs.abstracts.get(num.abstractId);
    if (!def) return null;
    if (!def.numStyleLink) return { id: num.abstractId, def };
    const linked = styleChain(defs, def.numStyleLink).find((s) => s.numId)?.numId;
    num = linked ? defs.nums.get(linked) : undefined;
  }
  return null;
}

export interface ParagraphNumbering {
  numId: string;
  ilvl: number;
  /** Styled (or outlined) as a heading. */
  heading: boolean;
}

/** A paragraph's numbering from its w:pPr: own numPr, else its style's; null when not numbered. */
export function paragraphNumbering(defs: NumberingDefs, pPr: Element | null): ParagraphNumbering | null {
  const styleId = val(child(pPr, "w:pStyle")) ?? defs.defaultStyle;
  const chain = styleChain(defs, styleId);
  const own = child(pPr, "w:numPr");
  const outline = int(val(child(pPr, "w:outlineLvl")));
  const heading = chain.some((s) => s.heading) || (outline !== null && outline < 9);
  const numId = val(child(own, "w:numId")) ?? chain.find((s) => s.numId !== null)?.numId ?? null;
  if (numId === null || numId === "0" || !defs.nums.has(numId)) return null;
  let ilvl = int(val(child(own, "w:ilvl"))) ?? chain.find((s) => s.ilvl !== null)?.ilvl ?? null;
  if (ilvl === null) {
    const levels = abstractOf(defs, numId)?.def.levels;
    ilvl = [...(levels?.entries() ?? [])].find(([, l]) => styleId && l.pStyle === styleId)?.[0] ?? 0;
  }
  return { numId, ilvl: Math.min(8, Math.max(0, ilvl)), heading };
}

function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case "chineseCounting":
      return chineseCounting(n);
    case "chineseCountingThousand":
      return chineseCountingThousand(n);
    case "ideographDigital":
      return ideographDigital(n);
    case "decimalFullWidth":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalZero":
      return String(n).padStart(2, "0");
    // Word draws ⑴⑵…; a 公文 types （1）, which is what the heading rules read.
    case "decimalEnclosedParen":
      return `（${n}）`;
    case "none":
      return "";
    default:
      return String(n);
  }
}

/**
 * Counts Word's numbered paragraphs in document order: `next` gives each one's number
 * as shown ("一、", "（二）", "3."), and the level it was counted at.
 */
export class NumberingCounter {
  private counters = new Map<string, (number | undefined)[]>();
  constructor(private defs: NumberingDefs) {}

  /** The level definitions a list uses (its overrides over its abstract list's). */
  levelsOf(numId: string): Map<number, LevelDef> {
    const base = abstractOf(this.defs, numId)?.def.levels ?? new Map<number, LevelDef>();
    const num = this.defs.nums.get(numId);
    const levels = new Map(base);
    for (const [i, l] of num?.levels ?? []) levels.set(i, l);
    for (const [i, start] of num?.starts ?? []) {
      const l = levels.get(i);
      if (l) levels.set(i, { ...l, start });
    }
    return levels;
  }

  next(p: ParagraphNumbering): { text: string; level: LevelDef } | null {
    const num = this.defs.nums.get(p.numId);
    const abstract = abstractOf(this.defs, p.numId);
    if (!num || !abstract) return null;
    const levels = this.levelsOf(p.numId);
    const level = levels.get(p.ilvl);
    if (!level) return null;
    const key = num.starts.size || num.levels.size ? `num:${p.numId}` : `abstract:${abstract.id}`;
    const counts = this.counters.get(key) ?? [];
    this.counters.set(key, counts);
    counts[p.ilvl] = counts[p.ilvl] === undefined ? level.start : counts[p.ilvl]! + 1;
    for (let lower = p.ilvl + 1; lower < 9; lower++) {
      const restart = levels.get(lower)?.restart ?? null;
      if (restart === null || (restart !== 0 && p.ilvl < restart)) counts[lower] = undefined;
    }
    const text = level.lvlText.replace(/%([1-9])/g, (_, n: string) => {
      const i = Number(n) - 1;
      const l = levels.get(i);
      const value = counts[i] ?? l?.start ?? 0;
      return formatNumber(value, level.isLgl ? "decimal" : (l?.numFmt ?? "decimal"));
    });
    return { text, level };
  }
}
