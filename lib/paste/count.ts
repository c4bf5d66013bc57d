import { HAN } from "./text";

export interface CharacterCount {
  /** 字数 as editors mean it: every visible character, one per Chinese character. */
  characters: number;
  /** Han ideographs only. */
  chinese: number;
  /** Every character including spaces (not line breaks). */
  withSpaces: number;
}

const HAN_RE = new RegExp(HAN, "gu");

/**
 * Counts by code point, not by UTF-16 unit: a rare character outside the BMP (e.g. 𠮷)
 * counts one, as does every full-width punctuation mark.
 */
export function countCharacters(text: string): CharacterCount {
  const visible = text.replace(/[\s\u3000\u00a0\u200b-\u200d\ufeff]/g, "");
  const withSpaces = text.replace(/[\r\n\u200b-\u200d\ufeff]/g, "");
  return {
    characters: [...visible].length,
    chinese: text.match(HAN_RE)?.length ?? 0,
    withSpaces: [...withSpaces].length,
  };
}
