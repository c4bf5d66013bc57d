import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setupTestDatabase } from "@/test/db";
import { composeArticle, random } from "./synthetic/compose";
import { compileQuery } from "./sql";

const exact = async (query: string) => (await compileQuery(query))?.exact ?? null;

setupTestDatabase();

/** Does `query` find `text` (indexed as a body)? Straight through the SQL functions the app uses. */
async function finds(text: string, query: string): Promise<boolean> {
  const rows = await db().$queryRaw<{ hit: boolean | null }[]>`
    SELECT gazette_search_document('', '{}', '', '', '', ${text}) @@ gazette_search_query(${query}) AS hit`;
  return rows[0].hit === true;
}

describe("gazette_search_query", () => {
  it("turns Chinese into phrases of overlapping bigrams, one character into a prefix", async () => {
    expect(await exact("生态环境")).toBe("'生态' <-> '态环' <-> '环境'");
    expect(await exact("外贸")).toBe("'外贸'");
    expect(await exact("湖")).toBe("'湖':*");
  });

  it("keeps Latin words and numbers whole, across full-width and case", async () => {
    expect(await exact("100MW")).toBe("'100mw'");
    expect(await exact("ＰＭ２．５")).toBe("'pm2.5'");
    expect(await exact("BDO项目")).toBe("'bdo' <2> '项目'");
  });

  it("has a presence form without positions, for the GIN index alone (one character: its ~ token)", async () => {
    expect(await compileQuery("生态环境 湖")).toEqual({ exact: "'生态' <-> '态环' <-> '环境' & '湖':*", presence: "'生态' & '态环' & '环境' & '~湖'" });
    expect(await compileQuery("田149")).toEqual({ exact: "'田' <2> '149' | '田' <-> '149'", presence: "'田' & '149'" });
  });

  it("ANDs whitespace-separated terms and keeps a quoted part together", async () => {
    expect(await exact("生态 保护")).toBe("'生态' & '保护'");
    expect(await exact('"new energy" 光伏')).toBe("'new' <-> 'energy' & '光伏'");
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
      SELECT c.query, v @@ gazette_search_query(c.query) AS hit, v @@ gazette_search_query(c.query, false) AS present
      FROM jsonb_to_recordset(${JSON.stringify(cases)}::jsonb) AS c(text text, query text),
        LATERAL (SELECT gazette_search_document('', '{}', '', '', '', c.text) AS v) AS d`;
    expect(rows.length).toBeGreaterThan(600);
    expect(rows.filter((r) => !r.hit).map((r) => r.query)).toEqual([]);
    // The candidate step (presence) must never lose what the exact step would find.
    expect(rows.filter((r) => !r.present).map((r) => r.query)).toEqual([]);
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
      expect(compiled === null || typeof compiled.exact === "string", JSON.stringify(query.slice(0, 20))).toBe(true);
      const rows = await db().$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "ArticleSearch" s WHERE s."publicVector" @@ ${compiled?.exact ?? null}::tsquery`;
      expect(rows[0].n).toBeGreaterThanOrEqual(0);
    }
  });
});
