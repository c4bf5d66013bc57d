import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestUser } from "@/lib/users/testing";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { actAs } from "@/test/session";
import { GET as annualExport } from "@/app/admin/(panel)/statistics/annual-report/export/route";
import { GET as statisticsExport } from "@/app/admin/(panel)/statistics/export/route";

setupTestDatabase();

let mineId: number;
let theirsId: number;
let theirArticleId: number;

beforeAll(async () => {
  mineId = (await createColumn()).id;
  theirsId = (await createColumn()).id;
  const authorId = (await createUser("ADMIN")).id;
  const mine = await createArticle({ columnId: mineId, authorId, publishedAt: new Date("2025-03-01T02:00:00Z") });
  const theirs = await createArticle({ columnId: theirsId, authorId, publishedAt: new Date("2025-03-01T02:00:00Z") });
  theirArticleId = theirs.id;
  await db().articleDailyView.createMany({
    data: [
      { articleId: mine.id, day: new Date("2025-03-02T00:00:00Z"), views: 4 },
      { articleId: theirs.id, day: new Date("2025-03-02T00:00:00Z"), views: 40 },
    ],
  });
});

const statistics = (query: string) => statisticsExport(new Request(`http://localhost/admin/statistics/export?${query}`));
const annual = (year: string) => annualExport(new Request(`http://localhost/admin/statistics/annual-report/export?year=${year}`));

describe("the statistics downloads check the session and the role themselves", () => {
  it("answers 401 without a session, 403 to an editor asking for the 年度报表", async () => {
    actAs(null);
    expect((await statistics("table=site")).status).toBe(401);
    expect((await annual("2025")).status).toBe(401);
    actAs(await createTestUser("EDITOR", { columnIds: [mineId] }));
    expect((await annual("2025")).status).toBe(403);
  });

  it("gives an editor their columns' numbers only, and nothing about another column's article", async () => {
    actAs(await createTestUser("EDITOR", { columnIds: [mineId] }));
    const site = await statistics("from=2025-03-01&to=2025-03-02&table=site&format=csv");
    expect(site.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await site.arrayBuffer());
    // The BOM as bytes: Response.text() would drop it while decoding.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe("时间段,浏览量\r\n2025-03-01,0\r\n2025-03-02,4\r\n");
    expect((await statistics(`from=2025-03-01&to=2025-03-02&article=${theirArticleId}&table=article&format=csv`)).status).toBe(404);
  });

  it("gives a reviewer the 年度报表 as XLSX", async () => {
    actAs(await createTestUser("REVIEWER", { columnIds: [] }));
    const response = await annual("2025");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="annual-report-2025.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const rows = workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[2] === "总数")?.[3]).toBe(2);
    expect(rows.find((r) => r[2] === "全年文章浏览量")?.[3]).toBe(44);
  });
});
