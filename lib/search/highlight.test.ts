import { describe, expect, it } from "vitest";
import { findHits, highlight, snippet, type Segment } from "./highlight";
import { queryNeedles } from "./needles";

const marked = (segments: Segment[]) => segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join("");

describe("queryNeedles", () => {
  it("splits terms into CJK runs and ASCII words, normalised like the index", () => {
    expect(queryNeedles("生态 100MW光伏").map((n) => n.text)).toEqual(["100mw", "生态", "光伏"]);
    expect(queryNeedles("ＰＭ２．５浓度")).toEqual([
      { text: "pm2.5", word: true },
      { text: "浓度", word: false },
    ]);
  });

  it("keeps a dot only between digits, as the index does", () => {
    expect(queryNeedles("www.gov.cn v1.2").map((n) => n.text).sort()).toEqual(["cn", "gov", "v1.2", "www"]);
  });

  it("treats a quoted part as one term and ignores punctuation, operators and emoji", () => {
    expect(queryNeedles('"乌海 市" & !| <-> 🎉').map((n) => n.text).sort()).toEqual(["乌海", "市"]);
    expect(queryNeedles("'\\\"&|!():*")).toEqual([]);
  });

  it("reads at most 200 characters", () => {
    expect(queryNeedles("生".repeat(5000))[0].text).toHaveLength(200);
  });
});

describe("highlight", () => {
  it("marks every occurrence, case- and width-insensitively", () => {
    expect(marked(highlight("年产BDO项目与ｂｄｏ下游、bdo", queryNeedles("bdo")))).toBe("年产[BDO]项目与[ｂｄｏ]下游、[bdo]");
  });

  it("marks ASCII words only as whole words", () => {
    expect(marked(highlight("PM2.5 与 PM2.51", queryNeedles("pm2.5")))).toBe("[PM2.5] 与 PM2.51");
    expect(marked(highlight("abdomen BDO", queryNeedles("bdo")))).toBe("abdomen [BDO]");
  });

  it("lets the longer needle win where two overlap", () => {
    expect(marked(highlight("生态环境保护", queryNeedles("生态环境 环境保护")))).toBe("[生态环境]保护");
  });

  it("keeps emoji and rare ideographs whole", () => {
    expect(marked(highlight("😀生态𠀀", queryNeedles("生态")))).toBe("😀[生态]𠀀");
  });

  it("maps hits in expanded characters back to the original text", () => {
    // NFKC turns ㎡ into "m2": the hit must cover the original single character.
    expect(findHits("单位：㎡。", queryNeedles("m2"))).toEqual([{ start: 3, end: 4 }]);
  });
});

describe("snippet", () => {
  const text = `${"甲".repeat(300)}生态环境${"乙".repeat(300)}`;

  it("centres on the match and marks the cut with an ellipsis", () => {
    const segments = snippet(text, queryNeedles("生态环境"), 100);
    expect(segments[0]).toEqual({ text: "…", hit: false });
    expect(segments.at(-1)).toEqual({ text: "…", hit: false });
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(["生态环境"]);
    expect(marked(segments).length).toBeLessThanOrEqual(104);
  });

  it("prefers the window with the most hits", () => {
    const dense = `外贸${"丙".repeat(400)}外贸${"丁".repeat(10)}外贸${"戊".repeat(10)}外贸${"己".repeat(400)}`;
    expect(snippet(dense, queryNeedles("外贸"), 80).filter((s) => s.hit)).toHaveLength(3);
  });

  it("starts at the beginning when nothing matches, and flattens line breaks", () => {
    expect(marked(snippet("第一段\n第二段", queryNeedles("外贸")))).toBe("第一段 第二段");
  });

  it("never cuts a surrogate pair", () => {
    const emoji = `${"😀".repeat(200)}外贸`;
    const out = marked(snippet(emoji, queryNeedles("外贸"), 51));
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});
