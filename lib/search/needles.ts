/**
 * What to highlight for a query: the pieces of text a match is made of, normalised the
 * way the index normalises them. Matching itself happens in PostgreSQL
 * (gazette_search_query in the search migration); this mirrors only its splitting:
 * terms are whitespace-separated (a "quoted" part is one term), NFKC + lowercase, and
 * anything but letters of the indexed scripts, ASCII letters/digits and a dot between
 * two digits separates. Each CJK run and each ASCII word becomes one needle.
 */
export interface Needle {
  text: string;
  /** ASCII words match whole words only (bdo must not light up inside "abdomen"). */
  word: boolean;
}

/** The characters the index keeps (same ranges as the migration's character class). */
const KEPT = "0-9a-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff\\u3007\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
const PIECE = new RegExp(`[0-9a-z]*[0-9](?:\\.[0-9]+)+|[0-9a-z]+|[${KEPT.replace("0-9a-z", "")}]+`, "gu");
const TERM = /"([^"]*)"|“([^”]*)”|([^\s\u3000"“”]+)/gu;

/** The same limits as gazette_search_query: the first 200 characters, at most 16 terms. */
export const QUERY_MAX_CHARS = 200;
const MAX_TERMS = 16;

export function normalizeForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

export function queryNeedles(query: string): Needle[] {
  const needles = new Map<string, Needle>();
  let terms = 0;
  for (const match of query.slice(0, QUERY_MAX_CHARS).matchAll(TERM)) {
    if (++terms > MAX_TERMS) break;
    const term = normalizeForSearch(match[1] ?? match[2] ?? match[3] ?? "");
    for (const piece of term.matchAll(PIECE)) {
      const text = piece[0];
      needles.set(text, { text, word: /^[0-9a-z]/.test(text) });
    }
  }
  // Longest first, so that a longer needle wins where two overlap.
  return [...needles.values()].sort((a, b) => b.text.length - a.text.length);
}
