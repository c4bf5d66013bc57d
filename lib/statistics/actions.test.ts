import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createTestUser, lastAudit } from "@/lib/users/testing";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { actAs } from "@/test/session";
import { createAnnualReportDraftAction } from "./actions";

setupTestDatabase();

let overviewId: number;
let otherId: number;
let admin: SessionUser;

beforeAll(async () => {
  overviewId = (await createColumn()).id;
  otherId = (await createColumn()).id;
  await db().column.update({ where: { id: overviewId }, data: { reportCategory: "OVERVIEW" } });
  admin = await createTestUser("ADMIN");
  const authorId = (await createUser("ADMIN")).id;
  await createArticle({ columnId: overviewId, authorId, publishedAt: new Date("2025-06-01T02:00:00Z"), title: "概况" });
});

describe("生成年度报表草稿", () => {
  it("creates a draft holding the report as a sanitized table, through the normal creation path, audited", async () => {
    actAs(admin);
    const result = await createAnnualReportDraftAction({ year: 2025, columnId: overviewId });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : 0;
    const draft = await db().article.findUniqueOrThrow({ where: { id }, include: { revisions: true } });
    expect(draft).toMatchObject({ status: "DRAFT", live: false, columnId: overviewId, createdById: admin.id });
    expect(draft.title).toContain("2025年政府网站工作年度报表");
    expect(draft.bodyHtml).toContain("<table");
    expect(draft.bodyHtml).toMatch(/概况类信息更新量<\/p><\/td><td[^>]*><p>1 条/);
    expect(draft.revisions).toHaveLength(1);
    expect(await lastAudit("article.create")).toMatchObject({ targetId: String(id) });
    expect(await lastAudit("statistics.annual-report-draft")).toMatchObject({ actorId: admin.id, targetId: String(id), detail: { year: 2025, columnId: overviewId } });
  });

  it("refuses a reviewer outside the chosen column, and an editor altogether", async () => {
    actAs(await createTestUser("REVIEWER", { columnIds: [otherId] }));
    expect(await createAnnualReportDraftAction({ year: 2025, columnId: overviewId })).toMatchObject({ ok: false, code: "forbidden" });
    actAs(await createTestUser("EDITOR", { columnIds: [overviewId] }));
    expect(await createAnnualReportDraftAction({ year: 2025, columnId: overviewId })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("says in Chinese what is wrong with the input", async () => {
    actAs(admin);
    expect(await createAnnualReportDraftAction({ year: 1999, columnId: overviewId })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { year: ["年度无效"] } });
  });
});
