import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { tableCsv, tablesXlsx } from "./export";
import { loadStatistics } from "./load";

setupTestDatabase();

const beijing = (local: string) => new Date(`${local}+08:00`);
let parentId: number;
let childId: number;
let otherId: number;
const article: Record<string, number> = {};

async function views(name: string, perDay: Record<string, number>) {
  for (const [day, count] of Object.entries(perDay)) await db().articleDailyView.create({ data: { articleId: article[name], day: new Date(`${day}T00:00:00Z`), views: count } });
}

beforeAll(async () => {
  const authorId = (await createUser("ADMIN")).id;
  parentId = (await createColumn()).id;
  childId = (await createColumn(1, parentId)).id;
  otherId = (await createColumn()).id;
  const add = async (name: string, columnId: number, publishedAt: Date) => {
    article[name] = (await createArticle({ columnId, authorId, publishedAt, title: name })).id;
  };
  await add("上级栏目文章", parentId, beijing("2026-05-31T23:30:00"));
  await add("下级栏目文章", childId, beijing("2026-06-01T00:30:00"));
  await add("=HYPERLINK(\"http://evil.invalid\")", otherId, beijing("2026-06-02T09:00:00"));
  await views("上级栏目文章", { "2026-06-01": 3, "2026-06-02": 4, "2026-06-08": 10 });
  await views("下级栏目文章", { "2026-06-01": 1, "2026-06-30": 2 });
  await views("=HYPERLINK(\"http://evil.invalid\")", { "2026-06-03": 50 });
});

const NOW = beijing("2026-07-01T12:00:00");
const admin = { role: "ADMIN" as const, columnIds: [] };
const rowsOf = (tables: { key: string; rows: (string | number)[][] }[], key: string) => tables.find((t) => t.key === key)?.rows;

describe("the statistics tables", () => {
  it("sums the site's views by week (Monday first) and a column's with its sub-columns", async () => {
    const { tables } = await loadStatistics(admin, { from: "2026-06-01", to: "2026-06-14", bucket: "week", column: String(parentId) }, NOW);
    expect(rowsOf(tables, "site")).toEqual([
      ["2026-06-01 起一周", 58],
      ["2026-06-08 起一周", 10],
    ]);
    expect(rowsOf(tables, "column")).toEqual([
      ["2026-06-01 起一周", 8],
      ["2026-06-08 起一周", 10],
    ]);
  });

  it("shows one article's views by month, and the top articles of the range", async () => {
    const { tables } = await loadStatistics(admin, { from: "2026-05-01", to: "2026-06-30", bucket: "month", article: String(article["下级栏目文章"]) }, NOW);
    expect(rowsOf(tables, "article")).toEqual([
      ["2026-05", 0],
      ["2026-06", 3],
    ]);
    expect(rowsOf(tables, "top")?.map((r) => [r[1], r[3]])).toEqual([
      ['=HYPERLINK("http://evil.invalid")', 50],
      ["上级栏目文章", 17],
      ["下级栏目文章", 3],
    ]);
  });

  it("counts articles published per column per month in Beijing months", async () => {
    const { tables } = await loadStatistics(admin, { from: "2026-05-01", to: "2026-06-30" }, NOW);
    const published = tables.find((t) => t.key === "published")!;
    expect(published.columns.slice(1)).toEqual(["2026-05", "2026-06", "合计"]);
    // 23:30 on 31 May in Beijing is May; 00:30 on 1 June is June, though both are 31 May in UTC.
    expect(published.rows.map((r) => r.slice(1))).toEqual([
      [1, 0, 1],
      [0, 1, 1],
      [0, 1, 1],
    ]);
  });

  it("shows an editor only their columns, and says so when they ask for another's", async () => {
    const editor = { role: "EDITOR" as const, columnIds: [childId] };
    const { tables, problems, columns } = await loadStatistics(editor, { from: "2026-06-01", to: "2026-06-30", bucket: "month", column: String(otherId), article: String(article["上级栏目文章"]) }, NOW);
    expect(columns.map((c) => c.id)).toEqual([childId]);
    expect(rowsOf(tables, "site")).toEqual([["2026-06", 3]]);
    expect(tables.map((t) => t.key)).toEqual(["site", "top", "published"]);
    expect(problems).toEqual(["所选栏目不存在，或不在您可查看的栏目范围内。", `编号为 ${article["上级栏目文章"]} 的文章不存在，或不在您可查看的栏目范围内。`]);
    expect(rowsOf(tables, "top")?.map((r) => r[1])).toEqual(["下级栏目文章"]);
  });
});

describe("the downloads", () => {
  it("writes CSV with a BOM and a formula-looking title defused", async () => {
    const { tables } = await loadStatistics(admin, { from: "2026-06-01", to: "2026-06-30" }, NOW);
    const csv = tableCsv(tables.find((t) => t.key === "top")!);
    expect(csv.startsWith("\uFEFF排名,文章,栏目,浏览量\r\n")).toBe(true);
    expect(csv).toContain(`1,"'=HYPERLINK(""http://evil.invalid"")"`);
  });

  it("writes XLSX that reads back with the same numbers, and text that is never a formula", async () => {
    const { tables } = await loadStatistics(admin, { from: "2026-06-01", to: "2026-06-30" }, NOW);
    const workbook = new ExcelJS.Workbook();
    const file = await tablesXlsx(tables.filter((t) => t.key === "top"));
    await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, "排名", "文章", "栏目", "浏览量"]);
    expect(sheet.getCell("B2").value).toBe("'=HYPERLINK(\"http://evil.invalid\")");
    expect(sheet.getCell("B2").formula).toBeUndefined();
    expect(sheet.getCell("D2").value).toBe(50);
  });
});
