import { beforeAll, describe, expect, it } from "vitest";
import type { ReportCategory } from "@/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle, type PublicState } from "@/test/public-articles";
import { ANNUAL_FIGURES } from "./annual-figures";
import { annualReport, reportItems, type AnnualReport } from "./annual-report";

setupTestDatabase();

/** Midnight Beijing time is 16:00 UTC the day before. */
const beijing = (local: string) => new Date(`${local}+08:00`);
const NOW = beijing("2026-12-15T12:00:00");

let authorId: number;
const columns: Record<string, number> = {};
const ids: Record<string, number> = {};

async function column(name: string, category: ReportCategory | null, extra: { createdAt?: Date; hidden?: boolean } = {}) {
  const { id } = await createColumn();
  await db().column.update({ where: { id }, data: { reportCategory: category, name, ...extra } });
  columns[name] = id;
}

async function article(name: string, columnName: string, publishedAt: Date, state: PublicState = "published") {
  const row = await createArticle({ columnId: columns[columnName], authorId, publishedAt, state, title: name });
  // The fixture dates schedules and future articles tomorrow: give them the date under test.
  if (state !== "published" && state !== "withdrawn") await db().article.update({ where: { id: row.id }, data: { publishedAt } });
  ids[name] = row.id;
}

let report: AnnualReport;
const figure = (key: string) => report.figures.find((f) => f.def.key === key)!;

beforeAll(async () => {
  authorId = (await createUser("ADMIN")).id;
  await column("概况", "OVERVIEW");
  await column("要闻", "NEWS");
  await column("公开目录", "DISCLOSURE");
  await column("政策解读", "INTERPRETATION");
  await column("图解", "INTERPRETATION");
  await column("其他", null);
  await column("老专题", "TOPIC", { createdAt: beijing("2025-05-01T09:00:00") });
  await column("新专题", "TOPIC", { createdAt: beijing("2026-03-01T09:00:00") });
  await column("隐藏专题", "TOPIC", { createdAt: beijing("2025-05-01T09:00:00"), hidden: true });
  await column("明年专题", "TOPIC", { createdAt: beijing("2027-01-01T00:00:00") });

  await article("元旦零点", "概况", beijing("2026-01-01T00:00:00"));
  await article("除夕前一秒", "概况", beijing("2025-12-31T23:59:59"));
  await article("撤稿的要闻", "要闻", beijing("2026-06-01T10:00:00"), "withdrawn");
  await article("草稿", "要闻", beijing("2026-06-02T10:00:00"), "draft");
  await article("定时未到", "要闻", beijing("2026-12-20T10:00:00"), "scheduled");
  await article("公开日期未到", "要闻", beijing("2026-12-20T10:00:00"), "future");
  await article("年末最后一秒", "公开目录", beijing("2026-12-31T23:59:59"));
  await article("次年零点", "公开目录", beijing("2027-01-01T00:00:00"));
  await article("解读一", "政策解读", beijing("2026-03-01T10:00:00"));
  await article("解读二", "政策解读", beijing("2026-04-01T10:00:00"));
  await article("图解一", "图解", beijing("2026-05-01T10:00:00"));
  await article("未分类", "其他", beijing("2026-07-01T10:00:00"));
  await article("专题文章", "老专题", beijing("2026-08-01T10:00:00"));

  const views = [
    ["2025-12-31", 100],
    ["2026-01-01", 5],
    ["2026-12-31", 7],
    ["2027-01-01", 1000],
  ] as const;
  for (const [day, count] of views) await db().articleDailyView.create({ data: { articleId: ids["元旦零点"], day: new Date(`${day}T00:00:00Z`), views: count } });

  // Interpretation kinds, as the public saw them (the live revision's): 解读一 a text, 图解一 a
  // graphic; an article in an uncategorised column counts as an interpretation by its kind.
  const kindOf = async (name: string, kind: "TEXT" | "GRAPHIC" | "MEDIA") => {
    const row = await db().article.update({ where: { id: ids[name] }, data: { interpretationKind: kind } });
    await db().articleRevision.update({ where: { id: row.liveRevisionId! }, data: { interpretationKind: kind } });
  };
  await kindOf("解读一", "TEXT");
  await kindOf("图解一", "GRAPHIC");
  await kindOf("未分类", "MEDIA");

  // Made in January, as the report is: every article dated in 2026 is public by then.
  report = await annualReport(2026, beijing("2027-01-05T09:00:00"));
});

describe("the 年度报表 figures", () => {
  it("counts the articles published in the year, by the category of their column", () => {
    // 元旦零点, 撤稿的要闻, 公开日期未到 (public since 20 December), 年末最后一秒, 解读一, 解读二, 图解一, 未分类, 专题文章.
    expect(figure("published")).toMatchObject({ value: 9, withdrawn: 1 });
    expect(figure("overview").value).toBe(1);
    expect(figure("news")).toMatchObject({ value: 2, withdrawn: 1 });
    expect(figure("disclosure").value).toBe(1);
    // 解读一, 解读二, 图解一 from the 解读 columns, and 未分类 by its kind.
    expect(figure("interpretations").value).toBe(4);
    expect([figure("interpretationMaterials").value, figure("interpretationProducts").value, figure("mediaCommentary").value]).toEqual([1, 1, 1]);
    expect(report.interpretationColumns.map((c) => [c.name, c.count])).toEqual([
      ["政策解读", 2],
      ["图解", 1],
    ]);
  });

  it("draws the year's edges at midnight Beijing time", async () => {
    const year2025 = await annualReport(2025, NOW);
    expect(year2025.figures.find((f) => f.def.key === "overview")!.value).toBe(1);
    const items = await reportItems(ANNUAL_FIGURES.find((f) => f.key === "overview")!, 2025, 1, { now: NOW });
    expect(items.kind === "articles" && items.rows.map((r) => r.title)).toEqual(["除夕前一秒"]);
  });

  it("leaves out drafts, schedules not yet due and articles whose 公开日期 has not come", async () => {
    const early = await annualReport(2026, NOW);
    // At NOW (15 December) neither the article dated 20 December nor the one dated 31 December is public yet.
    expect(early.figures.find((f) => f.def.key === "published")!.value).toBe(7);
    const items = await reportItems(ANNUAL_FIGURES.find((f) => f.key === "news")!, 2026, 1, { now: NOW });
    expect(items.kind === "articles" && items.rows.map((r) => [r.title, r.live])).toEqual([["撤稿的要闻", false]]);
  });

  it("counts special-topic columns maintained (open by the year's end, not hidden) and newly opened", () => {
    expect(figure("topicsMaintained").value).toBe(2);
    expect(figure("topicsOpened").value).toBe(1);
  });

  it("adds up the year's page views from the per-day rows, Beijing days only", () => {
    expect(figure("pageViews").value).toBe(12);
  });

  it("lists behind every figure exactly what it counts", async () => {
    const now = beijing("2027-01-05T09:00:00");
    for (const { def, value } of report.figures.filter((f) => f.def.kind !== "views")) {
      const items = await reportItems(def, 2026, 1, { now });
      expect(items.total, def.key).toBe(value);
      expect(items.rows.length, def.key).toBe(value);
    }
    const interpretation = ANNUAL_FIGURES.find((f) => f.key === "interpretations")!;
    const oneColumn = await reportItems(interpretation, 2026, 1, { now, columnId: columns["图解"] });
    expect(oneColumn.kind === "articles" && oneColumn.rows.map((r) => r.title)).toEqual(["图解一"]);
    const topics = await reportItems(ANNUAL_FIGURES.find((f) => f.key === "topicsMaintained")!, 2026, 1, { now });
    expect(topics.kind === "columns" && topics.rows.map((r) => [r.name, r.articles])).toEqual([
      ["老专题", 1],
      ["新专题", 0],
    ]);
  });
});
