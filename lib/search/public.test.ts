import { beforeAll, describe, expect, it } from "vitest";
import { publicArticleWhere } from "@/lib/articles/public-rule";
import { db } from "@/lib/db/client";
import { setupTestDatabase } from "@/test/db";
import type { Segment } from "./highlight";
import { parseSearchParams } from "./params";
import { searchPublicArticles } from "./public";
import { createArticle, ensureColumn, type Fixture } from "./test-fixtures";

setupTestDatabase();

const search = (q: string, extra: Record<string, string> = {}) => searchPublicArticles(parseSearchParams({ q, ...extra }));
const ids = async (q: string, extra: Record<string, string> = {}) => (await search(q, extra)).hits.map((h) => h.id);
const text = (segments: Segment[]) => segments.map((s) => s.text).join("");
const marks = (segments: Segment[]) => segments.filter((s) => s.hit).map((s) => s.text);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

let phrase: Fixture, scattered: Fixture, titled: Fixture, bodied: Fixture, older: Fixture, newer: Fixture;
let draft: Fixture, scheduled: Fixture, withdrawn: Fixture, mixed: Fixture, child: Fixture;

beforeAll(async () => {
  phrase = await createArticle({ title: "全市工作会议召开", body: "会议要求持续推进黄河流域生态保护和高质量发展。" });
  scattered = await createArticle({ title: "城市建设情况通报", body: "保护历史街区，改善人居环境。另据报道，湿地生态明显好转。" });
  titled = await createArticle({ title: "外贸进出口稳中有升", body: "一季度数据显示总体平稳。", publishedAt: hoursAgo(50) });
  bodied = await createArticle({ title: "一季度经济运行情况", body: "外贸增长较快，外贸结构优化，外贸企业信心增强。", publishedAt: hoursAgo(1) });
  older = await createArticle({ title: "防汛抗旱工作部署", body: "汛期临近，各地加强值守。", publishedAt: hoursAgo(100) });
  newer = await createArticle({ title: "防汛抗旱工作部署", body: "汛期临近，各地加强值守。", publishedAt: hoursAgo(10) });
  draft = await createArticle({ title: "草稿：湿地公园规划", body: "机密草案内容", state: "draft" });
  scheduled = await createArticle({ title: "定时发布：湿地公园开放", body: "机密定时内容", state: "scheduled" });
  withdrawn = await createArticle({ title: "已撤稿：湿地公园通知", body: "机密撤稿内容", state: "withdrawn" });
  mixed = await createArticle({ title: "新能源项目并网", body: "年产10万吨BDO项目投产，100MW光伏电站并网，PM2.5浓度下降。" });
  await ensureColumn("search-parent", "上级栏目");
  await ensureColumn("search-child", "下级栏目", "search-parent");
  child = await createArticle({ title: "湿地保护专项行动", body: "开展湿地保护。", columnSlug: "search-child" });
});

describe("matching", () => {
  it("finds an exact phrase, and not its characters scattered or reversed", async () => {
    expect(await ids("生态保护")).toEqual([phrase.id]);
    expect(await ids("保护生态")).toEqual([]);
  });

  it("finds one character wherever it stands", async () => {
    const found = await ids("湿");
    expect(found).toEqual(expect.arrayContaining([scattered.id, child.id]));
  });

  it("finds Latin words and numbers, full-width and any case", async () => {
    for (const q of ["BDO", "bdo", "ＢＤＯ", "100MW", "100MW光伏", "PM2.5", "pm2.5浓度", "10万吨"]) expect(await ids(q), q).toEqual([mixed.id]);
    expect(await ids("MW")).toEqual([]);
  });
});

describe("ranking", () => {
  it("ranks words out of order below the phrase", async () => {
    expect(await ids("生态 保护")).toEqual([phrase.id, scattered.id]);
  });

  it("ranks a title match above body matches, however many", async () => {
    expect(await ids("外贸")).toEqual([titled.id, bodied.id]);
  });

  it("puts the newest first among equals, or everything newest first when asked", async () => {
    expect(await ids("防汛抗旱")).toEqual([newer.id, older.id]);
    expect(await ids("外贸", { sort: "date" })).toEqual([bodied.id, titled.id]);
  });
});

describe("what the public never sees", () => {
  it("leaves out drafts, scheduled and withdrawn articles", async () => {
    const found = await ids("湿地公园");
    for (const hidden of [draft, scheduled, withdrawn]) expect(found).not.toContain(hidden.id);
    for (const q of ["机密", "草稿", "定时发布", "已撤稿"]) expect(await ids(q), q).toEqual([]);
  });

  it("finds exactly what publicArticleWhere() lets the public read", async () => {
    const readable = await db().article.findMany({
      where: { AND: [publicArticleWhere(), { liveRevision: { OR: [{ title: { contains: "湿地" } }, { bodyText: { contains: "湿地" } }] } }] },
      select: { id: true },
    });
    expect(readable.length).toBeGreaterThan(1);
    expect(new Set(await ids("湿地"))).toEqual(new Set(readable.map((a) => a.id)));
  });
});

describe("filters and pages", () => {
  it("filters by a column and everything below it", async () => {
    expect(await ids("湿地", { column: "search-parent" })).toEqual([child.id]);
    expect(await ids("湿地", { column: "search-child" })).toEqual([child.id]);
    expect(await ids("外贸", { column: "search-parent" })).toEqual([]);
  });

  it("filters by publication date, in the site's time zone", async () => {
    const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
    expect(await ids("外贸", { from: day(hoursAgo(1)), to: day(hoursAgo(1)) })).toContain(bodied.id);
    expect(await ids("外贸", { to: day(hoursAgo(24 * 30)) })).toEqual([]);
  });

  it("pages through many results without repeating one", async () => {
    for (let i = 0; i < 23; i++) await createArticle({ title: `分页测试第${i}篇`, body: "分页测试正文", publishedAt: hoursAgo(200 + i) });
    const pages = await Promise.all([1, 2, 3].map((page) => search("分页测试", { page: String(page) })));
    expect(pages.map((p) => p.hits.length)).toEqual([10, 10, 3]);
    expect(pages[0]).toMatchObject({ total: 23, pageCount: 3, exactTotal: true, capped: false });
    expect(new Set(pages.flatMap((p) => p.hits.map((h) => h.id))).size).toBe(23);
    expect((await search("分页测试", { page: "9" })).hits).toEqual([]);
  });
});

describe("what a hit shows", () => {
  it("highlights the title and a snippet around the match", async () => {
    const [hit] = (await search("生态保护")).hits;
    expect(text(hit.title)).toBe("全市工作会议召开");
    expect(marks(hit.snippet)).toEqual(["生态保护"]);
    expect(text(hit.snippet)).toContain("黄河流域生态保护和高质量发展");
    const [titleHit] = (await search("外贸进出口")).hits;
    expect(marks(titleHit.title)).toEqual(["外贸进出口"]);
  });
});

describe("odd input", () => {
  const odd = ["'", '"', "\\", "a'b\\c", "生态'); DROP TABLE \"Article\"; --", "& | ! <-> :* ( )", "!外贸", "外贸:*", "🎉", "👨‍👩‍👧‍👦外贸", "\u0000外贸", "外".repeat(5000), "%_", "<script>alert(1)</script>"];

  it("returns results or none, never an error", async () => {
    for (const q of odd) {
      const result = await search(q);
      expect(result.hits.length, JSON.stringify(q.slice(0, 12))).toBeLessThanOrEqual(10);
    }
    expect((await search("🎉")).searchable).toBe(false);
    expect(await ids("!外贸")).toEqual([titled.id, bodied.id]);
  });
});
