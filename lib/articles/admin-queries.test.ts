import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import type { SessionUser } from "@/lib/auth/session";
import { db, Prisma } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import { listAdminArticles, listArticleAuthors, visibleSqlParts, visibleTo, visibleToSql } from "./admin-queries";
import type { AdminArticleRow } from "./admin-queries";
import { adminListFilterSchema } from "./schema";

setupTestDatabase();

let admin: SessionUser;
let editor: SessionUser;

const filter = (params: Record<string, string> = {}) => adminListFilterSchema.parse(params);
const titles = async (params: Record<string, string>, user = admin) => (await listAdminArticles(filter(params), user)).rows.map((r) => r.title);

beforeAll(async () => {
  const parent = await db().column.create({ data: { name: "政务公开", slug: "open" } });
  const child = await db().column.create({ data: { name: "通知公告", slug: "notices", parentId: parent.id } });
  const other = await db().column.create({ data: { name: "媒体解读", slug: "media" } });
  const mk = async (email: string, name: string, role: "ADMIN" | "EDITOR", columnIds: number[]): Promise<SessionUser> => {
    const u = await db().user.create({ data: { email, name, passwordHash: "x", role, columns: { create: columnIds.map((columnId) => ({ columnId })) } } });
    return { id: u.id, email, name, role, mustChangePassword: false, columnIds };
  };
  admin = await mk("a@test.local", "管理员", "ADMIN", []);
  editor = await mk("e@test.local", "张编辑", "EDITOR", [child.id]);
  const body = { bodyJson: { type: "doc", content: [] }, bodyHtml: "" };
  const rows = [
    { title: "关于安全生产的通知", columnId: child.id, status: "DRAFT", createdById: editor.id, updatedAt: new Date("2024-03-01T02:00:00Z") },
    { title: "政务公开工作要点", columnId: parent.id, status: "PUBLISHED", createdById: admin.id, publishedAt: new Date("2024-02-01T02:00:00Z"), updatedAt: new Date("2024-02-01T02:00:00Z") },
    { title: "媒体解读：安全生产", columnId: other.id, status: "IN_REVIEW", createdById: admin.id, updatedAt: new Date("2024-01-10T02:00:00Z") },
    { title: "冬季工作部署", bodyText: "会议强调，要抓好安全生产和森林防火。", columnId: other.id, status: "WITHDRAWN", createdById: admin.id, updatedAt: new Date("2024-04-01T02:00:00Z") },
    { title: "《条例》解读", columnId: other.id, status: "DRAFT", createdById: admin.id, updatedAt: new Date("2023-12-01T02:00:00Z") },
  ] as const;
  for (const r of rows) {
    await db().article.create({ data: { ...body, ...r, updatedById: r.createdById } });
  }
});

describe("the admin article list", () => {
  it("searches title and body in every status with the search engine, title matches first", async () => {
    const ranked = await titles({ q: "安全生产" });
    expect(ranked.slice(0, 2).sort()).toEqual(["关于安全生产的通知", "媒体解读：安全生产"].sort());
    expect(ranked[2]).toBe("冬季工作部署"); // only in the body
    expect(await titles({ q: "森林防火" })).toEqual(["冬季工作部署"]);
    expect(await titles({ q: "防火 森林" })).toEqual(["冬季工作部署"]);
    expect(await titles({ q: "安全生产", sort: "updatedAt" })).toEqual(["冬季工作部署", "关于安全生产的通知", "媒体解读：安全生产"]);
    expect(await titles({ q: "安全生产", status: "IN_REVIEW" })).toEqual(["媒体解读：安全生产"]);
    expect(await titles({ q: "量子纠缠" })).toEqual([]);
  });

  it("holds the best matches of a search sorted by relevance, and the newest when sorted by another field", async () => {
    const limits = { pageSize: 20, countCap: 100, searchLimit: 2 };
    const list = async (params: Record<string, string>) => {
      const { rows, truncated } = await listAdminArticles(filter(params), admin, limits);
      return { titles: rows.map((r) => r.title), truncated };
    };
    // Three match; the two title matches are the best, the body match is the newest.
    expect(await list({ q: "安全生产" })).toEqual({ titles: expect.arrayContaining(["关于安全生产的通知", "媒体解读：安全生产"]), truncated: { matches: 3, ranked: 2, newest: false } });
    expect(await list({ q: "安全生产", sort: "updatedAt" })).toEqual({ titles: ["冬季工作部署", "媒体解读：安全生产"], truncated: { matches: 3, ranked: 2, newest: true } });
    expect((await list({ q: "安全生产", sort: "updatedAt", dir: "asc" })).titles).toEqual(["媒体解读：安全生产", "冬季工作部署"]);
  });

  it("pages an admin's search by relevance straight from the engine, in the order and with the total of the filtered list", async () => {
    const limits = { pageSize: 2, countCap: 10 };
    // An editor's list filters the best matches itself; an admin's asks the engine for one page.
    const viaFilter = (await listAdminArticles(filter({ q: "安全生产", author: String(admin.id) }), admin)).rows.map((r) => r.title);
    const first = await listAdminArticles(filter({ q: "安全生产" }), admin, limits);
    const second = await listAdminArticles(filter({ q: "安全生产", page: "2" }), admin, limits);
    expect(first).toMatchObject({ total: 3, pageCount: 2, page: 1, capped: false, truncated: null });
    expect([...first.rows, ...second.rows].map((r) => r.title)).toEqual(await titles({ q: "安全生产" }));
    expect(second.rows.map((r) => r.title)).toEqual(["冬季工作部署"]);
    expect(viaFilter).toEqual(["媒体解读：安全生产", "冬季工作部署"]);
    // A page past the last is the last; a status goes to the engine too.
    expect(await listAdminArticles(filter({ q: "安全生产", page: "7" }), admin, limits)).toMatchObject({ page: 2, pageCount: 2 });
    expect((await listAdminArticles(filter({ q: "安全生产", status: "WITHDRAWN" }), admin, limits)).rows.map((r) => r.title)).toEqual(["冬季工作部署"]);
  });

  it("falls back to a title match for a query with nothing searchable in it, and ignores relevance without a query", async () => {
    expect(await titles({ q: "《" })).toEqual(["《条例》解读"]);
    // LIKE's wildcards and its escape character are matched as typed: no title holds them.
    for (const q of ["%", "_", "\\", "%_\\"]) expect(await titles({ q })).toEqual([]);
    expect(adminListFilterSchema.parse({ sort: "relevance" }).sort).toBe("updatedAt");
    expect(adminListFilterSchema.parse({ q: "生态" }).sort).toBe("relevance");
    expect(adminListFilterSchema.parse({ q: "  " })).toMatchObject({ q: undefined, sort: "updatedAt" });
  });

  it("filters by status, column (with its children) and author", async () => {
    expect(await titles({ status: "PUBLISHED" })).toEqual(["政务公开工作要点"]);
    const open = (await db().column.findUniqueOrThrow({ where: { slug: "open" } })).id;
    expect(await titles({ column: String(open) })).toEqual(["关于安全生产的通知", "政务公开工作要点"]);
    expect(await titles({ author: String(editor.id) })).toEqual(["关于安全生产的通知"]);
  });

  it("filters by a day range in Beijing time, on the chosen date", async () => {
    expect(await titles({ from: "2024-02-01", to: "2024-02-29" })).toEqual(["政务公开工作要点"]);
    expect(await titles({ dateField: "publishedAt", from: "2024-01-01" })).toEqual(["政务公开工作要点"]);
  });

  it("lists days of one date by that date unless another order is chosen", async () => {
    expect(adminListFilterSchema.parse({ dateField: "createdAt", from: "2020-01-01" }).sort).toBe("createdAt");
    expect(adminListFilterSchema.parse({ dateField: "publishedAt", to: "2030-01-01", sort: "title" }).sort).toBe("title");
    expect(adminListFilterSchema.parse({ dateField: "publishedAt" }).sort).toBe("updatedAt");
    expect(adminListFilterSchema.parse({ q: "生态", dateField: "publishedAt", from: "2020-01-01" }).sort).toBe("relevance");
    // Narrowed by 创建时间: newest written first, not last changed first (冬季工作部署, April 2024).
    expect(await titles({ dateField: "createdAt", from: "2020-01-01" })).toEqual(["《条例》解读", "冬季工作部署", "媒体解读：安全生产", "政务公开工作要点", "关于安全生产的通知"]);
  });

  it("sorts and paginates, and ignores malformed parameters", async () => {
    expect(await titles({ sort: "title", dir: "asc" })).toEqual(["关于安全生产的通知", "媒体解读：安全生产", "政务公开工作要点", "冬季工作部署", "《条例》解读"].sort());
    expect(await titles({ sort: "updatedAt", dir: "asc" })).toEqual(["《条例》解读", "媒体解读：安全生产", "政务公开工作要点", "关于安全生产的通知", "冬季工作部署"]);
    const page = await listAdminArticles(filter({ page: "99", status: "nonsense", sort: "drop table" }), admin);
    expect(page).toMatchObject({ total: 5, page: 1, pageCount: 1 });
  });

  it("pages every order, both ways, each article once: ties by id, the never-published last by 公开日期", async () => {
    const [first, second] = await db().article.findMany({ orderBy: { id: "asc" }, take: 2 });
    await db().article.updateMany({ where: { id: { in: [first.id, second.id] } }, data: { viewCount: 5 } }); // a tie
    const limits = { pageSize: 2, countCap: 100 };
    const everything = await db().article.findMany({ select: { id: true, title: true, updatedAt: true, createdAt: true, publishedAt: true, viewCount: true } });
    type Key = "updatedAt" | "createdAt" | "publishedAt" | "title" | "viewCount";
    const value = (row: (typeof everything)[number], key: Key) => (row[key] instanceof Date ? row[key].getTime() : row[key]);
    for (const sort of ["updatedAt", "createdAt", "publishedAt", "title", "viewCount"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const sign = dir === "asc" ? 1 : -1;
        const expected = [...everything]
          .sort((a, b) => {
            const [x, y] = [value(a, sort), value(b, sort)];
            if (x === null || y === null) return x === y ? sign * (a.id - b.id) : x === null ? 1 : -1;
            return x < y ? -sign : x > y ? sign : sign * (a.id - b.id);
          })
          .map((r) => r.id);
        const listed: AdminArticleRow[] = [];
        for (let page = 1, pageCount = 1; page <= pageCount; page++) {
          const result = await listAdminArticles(filter({ sort, dir, page: String(page) }), admin, limits);
          listed.push(...result.rows);
          pageCount = result.pageCount;
        }
        expect(listed.map((r) => r.id), `${sort} ${dir}`).toEqual(expected);
      }
    }
  });

  it("counts no further than its cap, says so, and offers only the pages it counted", async () => {
    const capped = await listAdminArticles(filter({ page: "9" }), admin, { pageSize: 2, countCap: 3 });
    expect(capped).toMatchObject({ total: 3, capped: true, pageCount: 2, page: 2 });
    expect(capped.rows).toHaveLength(2);
    expect(await listAdminArticles(filter(), admin, { pageSize: 2, countCap: 5 })).toMatchObject({ total: 5, capped: false, pageCount: 3 });
    expect(await listAdminArticles(filter({ status: "DRAFT" }), admin, { pageSize: 2, countCap: 2 })).toMatchObject({ total: 2, capped: false });
  });

  it("shows an editor only the articles of their columns and their own", async () => {
    expect(await titles({}, editor)).toEqual(["关于安全生产的通知"]);
    // Their own article in their own column is counted once; without the column, still theirs.
    expect(await listAdminArticles(filter(), editor)).toMatchObject({ total: 1, capped: false });
    expect(await listAdminArticles(filter(), { ...editor, columnIds: [] })).toMatchObject({ total: 1, capped: false });
    expect(await titles({ q: "安全生产" }, editor)).toEqual(["关于安全生产的通知"]);
    expect((await listArticleAuthors(editor)).map((a) => a.name)).toEqual(["张编辑"]);
    expect((await listArticleAuthors(admin)).map((a) => a.name)).toEqual(["张编辑", "管理员"].sort((a, b) => a.localeCompare(b, "zh-CN")));
  });

  it("applies the one visibility rule in SQL as in Prisma", async () => {
    const noArticles = await db().user.create({ data: { email: "n@test.local", name: "无稿件", passwordHash: "x", role: "EDITOR" } });
    for (const user of [admin, editor, { ...editor, columnIds: [] }, { id: noArticles.id, role: "EDITOR" as const, columnIds: [] }]) {
      const viaPrisma = (await db().article.findMany({ where: visibleTo(user), select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
      const viaSql = (await sqlRows<{ id: number }>(Prisma.sql`SELECT a.id FROM "Article" a WHERE ${visibleToSql(user)} ORDER BY a.id`)).map((r) => r.id);
      expect(viaSql, `${user.role} ${user.columnIds.join(",")}`).toEqual(viaPrisma);
      // Its parts, each counted on its own, hold each of those articles once.
      const viaParts: number[] = [];
      for (const part of visibleSqlParts(user)) viaParts.push(...(await sqlRows<{ id: number }>(Prisma.sql`SELECT a.id FROM "Article" a WHERE ${part}`)).map((r) => r.id));
      expect(viaParts.sort((a, b) => a - b), `parts: ${user.role} ${user.columnIds.join(",")}`).toEqual(viaPrisma);
    }
    expect((await listArticleAuthors({ ...editor, columnIds: [] })).map((a) => a.name)).toEqual(["张编辑"]);
  });
});
