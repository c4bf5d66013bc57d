import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setupTestDatabase } from "@/test/db";
import { composeArticle, random } from "./synthetic/compose";
import { compileQuery } from "./sql";

setupTestDatabase();

/** The lexemes of a presence test, sorted. */
const lexemes = (presence: string) => presence.split(" & ").sort();

/**
 * Does `query` find `text` (indexed as a body)? Straight through the SQL functions the
 * app uses: `present` is the index's presence test, `hit` that plus the text check.
 */
async function match(text: string, query: string, vector: "public" | "admin" = "public"): Promise<{ present: boolean; hit: boolean }> {
  const rows = await db().$queryRaw<{ present: boolean | null; hit: boolean | null }[]>`
    SELECT p.present, p.present AND (NOT gazette_search_needs_check(x.terms) OR x.doc ~ ALL (gazette_search_patterns(x.terms, ${vector === "admin"}))) AS hit
    FROM (SELECT gazette_search_doc('', '{}', '', '', '', ${text}) AS doc, gazette_search_terms(${query}) AS terms) AS x,
      LATERAL (SELECT gazette_search_tokens(x.doc, NULL, false, NULL, NULL) @@ gazette_search_presence(x.terms, ${vector === "admin"}) AS present) AS p`;
  return { present: rows[0].present === true, hit: rows[0].hit === true };
}
const finds = async (text: string, query: string) => (await match(text, query)).hit;

describe("the query", () => {
  it("asks the index for every character of a Chinese term, and checks the term in the text", async () => {
    expect(await compileQuery("生态环境")).toEqual({ presence: expect.any(String), patterns: ["生态环境"] });
    expect(lexemes((await compileQuery("生态环境"))!.presence)).toEqual(["'境'", "'态'", "'环'", "'生'"]);
    expect(await compileQuery("湖")).toEqual({ presence: "'湖'", patterns: null }); // one character: the index decides
  });

  it("keeps Latin words and numbers whole, across full-width and case", async () => {
    expect(await compileQuery("100MW")).toEqual({ presence: "'100mw'", patterns: null });
    expect(await compileQuery("ＰＭ２．５")).toEqual({ presence: "'pm2.5'", patterns: null });
    expect(await compileQuery("BDO项目")).toEqual({ presence: expect.any(String), patterns: ["(?:^|[ \\n])bdo 项目"] });
    expect(lexemes((await compileQuery("BDO项目"))!.presence)).toEqual(["'bdo'", "'目'", "'项'"]);
    expect((await compileQuery("项目pm2.5"))!.patterns).toEqual(["项目 pm2\\.5(?=$|[ \\n])"]);
  });

  it("takes Latin words by their start in the editors' search", async () => {
    expect(await compileQuery("mxckl5a", "admin")).toEqual({ presence: "'mxckl5a':*", patterns: null });
    expect((await compileQuery("湖 2023", "admin"))!.patterns).toBeNull(); // two terms, each decided by the index
    expect((await compileQuery('"abc 项目"', "admin"))!.patterns).toEqual(["(?:^|[ \\n])abc[0-9a-z.]* 项目"]);
  });

  it("ANDs whitespace-separated terms and keeps a quoted part together", async () => {
    expect((await compileQuery("生态 保护"))!.patterns).toEqual(["生态", "保护"]);
    expect((await compileQuery('"new energy" 光伏'))!.patterns).toEqual(["(?:^|[ \\n])new energy(?=$|[ \\n])", "光伏"]);
  });

  it("returns null when nothing is searchable", async () => {
    for (const query of ["", "   ", "🎉🎉", "&|!<->:*()", "。，、"]) expect(await compileQuery(query)).toBeNull();
  });
});

describe("what the index finds", () => {
  const text = "乌海市2023年PM2.5平均浓度为28微克/立方米，100MW光伏项目并网；年产10万吨BDO项目投产。湖";

  it("finds one- and two-character words, phrases and mixed terms", async () => {
    for (const query of ["湖", "海", "市", "乌海", "光伏", "平均浓度", "2023年", "PM2.5", "pm2.5平均", "100MW", "100mw光伏", "bdo", "10万吨", "立方米"]) {
      expect(await finds(text, query), query).toBe(true);
    }
  });

  it("matches a phrase only with its characters in order and together", async () => {
    expect(await finds(text, "浓度平均")).toBe(false);
    expect(await finds(text, "光伏并网")).toBe(false); // 光伏项目并网: not adjacent
    expect(await finds(text, "光伏 并网")).toBe(true); // two terms: both present
  });

  it("does not match inside a Latin word or across punctuation", async () => {
    expect(await finds(text, "MW")).toBe(false);
    expect(await finds(text, "2.5")).toBe(false);
    expect(await finds(text, "网年")).toBe(false); // 并网；年产
    expect(await finds("黄河流域", "河流")).toBe(true);
  });

  it("finds every substring of realistic articles (property test over generated text)", async () => {
    const rnd = random(7);
    const cases: { text: string; query: string }[] = [];
    for (let i = 0; i < 40; i++) {
      const body = composeArticle(3, i, [{ id: 1, slug: "news" }], new Date("2025-01-01")).live.blocks.map((b) => b.text).join("\n");
      for (let k = 0; k < 25; k++) {
        const start = Math.floor(rnd() * body.length);
        const query = body.slice(start, start + 1 + Math.floor(rnd() * 8));
        // Words are indexed whole: a query may not start or end inside an ASCII word.
        const cutsWord = /[0-9A-Za-z.]/.test(body[start - 1] ?? "") && /^[0-9A-Za-z.]/.test(query);
        const cutsEnd = /[0-9A-Za-z.]$/.test(query) && /[0-9A-Za-z.]/.test(body[start + query.length] ?? "");
        if (!cutsWord && !cutsEnd && /[0-9A-Za-z\u4e00-\u9fff]/.test(query)) cases.push({ text: body, query });
      }
    }
    const rows = await db().$queryRaw<{ query: string; hit: boolean; present: boolean }[]>`
      SELECT c.query, p.present, p.present AND (NOT gazette_search_needs_check(x.terms) OR x.doc ~ ALL (gazette_search_patterns(x.terms, false))) AS hit
      FROM jsonb_to_recordset(${JSON.stringify(cases)}::jsonb) AS c(text text, query text),
        LATERAL (SELECT gazette_search_doc('', '{}', '', '', '', c.text) AS doc, gazette_search_terms(c.query) AS terms) AS x,
        LATERAL (SELECT gazette_search_tokens(x.doc, NULL, false, NULL, NULL) @@ gazette_search_presence(x.terms, false) AS present) AS p`;
    expect(rows.length).toBeGreaterThan(600);
    // The candidate step (presence) must never lose what the text check would find.
    expect(rows.filter((r) => !r.present).map((r) => r.query)).toEqual([]);
    expect(rows.filter((r) => !r.hit).map((r) => r.query)).toEqual([]);
  });

  it("finds a Latin word by its start only in the editors' search", async () => {
    expect(await match("编号mxckl5a9的文件", "mxckl5a", "admin")).toEqual({ present: true, hit: true });
    expect(await match("编号mxckl5a9的文件", '"mxckl5a 文件"', "admin")).toEqual({ present: true, hit: false }); // 的 stands between
    expect(await match("编号mxckl5a9的文件", "mxckl5a")).toEqual({ present: false, hit: false });
  });
});

describe("odd input", () => {
  const odd = [
    "'", "''", '"', '""', '"unclosed', "\\", "\\\\'", "a'b", "生态'); DROP TABLE \"Article\"; --", "& | ! <-> <2> :* ( )",
    "!生态", "生态:*", "生态 & 外贸 | BDO", "%_%", "\u0000", "\u200b\u200d", "🎉生态🎉", "👨‍👩‍👧‍👦", "𠀀𠀁", "Ω≈ç√∫",
    "生".repeat(10_000), "a ".repeat(5_000), "1.2.3.4.5.6", "-1", "NULL", "null", "\n\t\r", "＜script＞alert(1)＜/script＞",
  ];

  it("never errors: every input compiles to a tsquery or to nothing", async () => {
    for (const query of odd) {
      const compiled = await compileQuery(query);
      expect(compiled === null || typeof compiled.presence === "string", JSON.stringify(query.slice(0, 20))).toBe(true);
      const rows = await db().$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "ArticleSearch" s
        WHERE gazette_search_tokens(s."adminDoc", NULL, false, NULL, NULL) @@ ${compiled?.presence ?? null}::tsquery
          AND s."adminDoc" ~ ALL (${compiled?.patterns ?? []}::text[])`;
      expect(rows[0].n).toBeGreaterThanOrEqual(0);
    }
  });
});
