import { describe, expect, it } from "vitest";
import { findWords, hasBlocking, summarizeMatches, type CheckWord } from "./match";

const list: CheckWord[] = [
  { word: "截止目前", blocking: false, replacement: "截至目前", note: "截至：到某时为止" },
  { word: "做为", blocking: false, replacement: "作为" },
  { word: "台湾", blocking: false, replacement: "" },
  { word: "台湾总统", blocking: true, replacement: "台湾地区领导人" },
  { word: "北朝鲜", blocking: true, replacement: "朝鲜" },
  { word: "PM2.5", blocking: false, replacement: "细颗粒物（PM2.5）" },
];

describe("findWords", () => {
  it("finds a word with its position, flag and suggested replacement", () => {
    const text = "截止目前，全市共完成投资";
    const [m] = findWords(text, list);
    expect(m).toEqual({
      word: "截止目前",
      text: "截止目前",
      start: 0,
      end: 4,
      blocking: false,
      replacement: "截至目前",
      note: "截至：到某时为止",
    });
    expect(text.slice(m.start, m.end)).toBe("截止目前");
  });

  it("finds every occurrence, left to right", () => {
    const text = "做为试点，做为示范";
    expect(findWords(text, list).map((m) => [m.start, m.end])).toEqual([
      [0, 2],
      [5, 7],
    ]);
  });

  it("prefers the longer entry where two start at the same place, and never overlaps", () => {
    const matches = findWords("有人称台湾总统，台湾同胞", list);
    expect(matches.map((m) => [m.word, m.start, m.blocking])).toEqual([
      ["台湾总统", 3, true],
      ["台湾", 8, false],
    ]);
  });

  it("prefers a blocking entry over a warning of the same length", () => {
    const words: CheckWord[] = [
      { word: "某词", blocking: false, replacement: "" },
      { word: "某词", blocking: true, replacement: "" },
    ];
    expect(findWords("某词", words)[0].blocking).toBe(true);
  });

  it("matches Latin letters regardless of case and reports the text as written", () => {
    const [m] = findWords("今日pm2.5浓度", list);
    expect(m).toMatchObject({ word: "PM2.5", text: "pm2.5", start: 2, end: 7 });
  });

  it("keeps offsets right after characters outside the BMP and after letters whose case changes length", () => {
    const text = "𠀋İ北朝鲜";
    const [m] = findWords(text, list);
    expect(text.slice(m.start, m.end)).toBe("北朝鲜");
  });

  it("returns nothing for empty text, an empty list, or blank entries", () => {
    expect(findWords("", list)).toEqual([]);
    expect(findWords("做为", [])).toEqual([]);
    expect(findWords("任何文字", [{ word: "  ", blocking: true, replacement: "" }])).toEqual([]);
  });

  it("does not match a correct usage", () => {
    expect(findWords("截至目前，作为试点，台湾地区领导人", list.filter((w) => w.word !== "台湾"))).toEqual([]);
  });
});

describe("summarizeMatches and hasBlocking", () => {
  it("groups by word, blocking first, with counts", () => {
    const matches = findWords("做为，北朝鲜，做为", list);
    expect(summarizeMatches(matches)).toEqual([
      { word: "北朝鲜", blocking: true, replacement: "朝鲜", note: "", count: 1 },
      { word: "做为", blocking: false, replacement: "作为", note: "", count: 2 },
    ]);
    expect(hasBlocking(matches)).toBe(true);
    expect(hasBlocking(findWords("做为", list))).toBe(false);
  });
});
