/**
 * The 敏感词 / 错别字 matcher: pure, so the editor (highlighting) and the server (the
 * check on save and before submit) find exactly the same matches.
 */

export interface CheckWord {
  word: string;
  /** Blocking words refuse a submit; warnings are shown and the submit goes ahead. */
  blocking: boolean;
  /** Suggested replacement ("" when there is none). */
  replacement: string;
  note?: string;
}

export interface WordMatch {
  /** The list entry as written in the list. */
  word: string;
  /** The text as it appears in the checked text (may differ in letter case). */
  text: string;
  /** UTF-16 offsets into the checked string: text.slice(start, end) is the match. */
  start: number;
  end: number;
  blocking: boolean;
  replacement: string;
  note: string;
}

/**
 * Every occurrence of a listed word in `text`, left to right, never overlapping.
 * Where two entries start at the same place the longer wins (台湾地区领导人 over
 * 台湾), and a blocking entry wins over a warning of the same length. Latin letters
 * match regardless of case. Empty and whitespace-only entries are ignored.
 */
export function findWords(text: string, words: readonly CheckWord[]): WordMatch[] {
  if (!text || words.length === 0) return [];
  const index = buildIndex(words);
  const haystack = foldCase(text);
  const matches: WordMatch[] = [];
  let i = 0;
  while (i < haystack.length) {
    const candidates = index.get(haystack[i]);
    const hit = candidates?.find((c) => haystack.startsWith(c.key, i));
    if (!hit) {
      i += 1;
      continue;
    }
    const end = i + hit.key.length;
    matches.push({
      word: hit.entry.word,
      text: text.slice(i, end),
      start: i,
      end,
      blocking: hit.entry.blocking,
      replacement: hit.entry.replacement,
      note: hit.entry.note ?? "",
    });
    i = end;
  }
  return matches;
}

export interface WordSummary {
  word: string;
  blocking: boolean;
  replacement: string;
  note: string;
  count: number;
}

/** Matches grouped by word, blocking first, for a message such as "发现 2 处敏感词". */
export function summarizeMatches(matches: readonly WordMatch[]): WordSummary[] {
  const byWord = new Map<string, WordSummary>();
  for (const m of matches) {
    const seen = byWord.get(m.word);
    if (seen) seen.count += 1;
    else byWord.set(m.word, { word: m.word, blocking: m.blocking, replacement: m.replacement, note: m.note, count: 1 });
  }
  return [...byWord.values()].sort((a, b) => Number(b.blocking) - Number(a.blocking));
}

export function hasBlocking(matches: readonly WordMatch[]): boolean {
  return matches.some((m) => m.blocking);
}

interface IndexedWord {
  key: string;
  entry: CheckWord;
}

function buildIndex(words: readonly CheckWord[]): Map<string, IndexedWord[]> {
  const index = new Map<string, IndexedWord[]>();
  for (const entry of words) {
    const key = foldCase(entry.word.trim());
    if (!key) continue;
    const list = index.get(key[0]) ?? [];
    list.push({ key, entry });
    index.set(key[0], list);
  }
  for (const list of index.values()) {
    list.sort((a, b) => b.key.length - a.key.length || Number(b.entry.blocking) - Number(a.entry.blocking));
  }
  return index;
}

/**
 * Lower-cases ASCII letters only: unlike toLowerCase() it never changes the length
 * of the string (İ becomes two code units), so offsets stay valid for the original.
 */
function foldCase(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
