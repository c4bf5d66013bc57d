import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listAdminArticles, listArticleAuthors } from "./admin-queries";
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
  ] as const;
  for (const r of rows) {
    await db().article.create({ data: { ...body, ...r, updatedById: r.createdById } });
  }
});

describe("the admin article list", () => {
  it("searches titles case-insensitively and filters by status, column (with its children) and author", async () => {
    expect(await titles({ q: "安全生产" })).toEqual(["关于安全生产的通知", "媒体解读：安全生产"]);
    expect(await titles({ status: "PUBLISHED" })).toEqual(["政务公开工作要点"]);
    const open = (await db().column.findUniqueOrThrow({ where: { slug: "open" } })).id;
    expect(await titles({ column: String(open) })).toEqual(["关于安全生产的通知", "政务公开工作要点"]);
    expect(await titles({ author: String(editor.id) })).toEqual(["关于安全生产的通知"]);
  });

  it("filters by a day range in Beijing time, on the chosen date", async () => {
    expect(await titles({ from: "2024-02-01", to: "2024-02-29" })).toEqual(["政务公开工作要点"]);
    expect(await titles({ dateField: "publishedAt", from: "2024-01-01" })).toEqual(["政务公开工作要点"]);
  });

  it("sorts and paginates, and ignores malformed parameters", async () => {
    expect(await titles({ sort: "title", dir: "asc" })).toEqual(["关于安全生产的通知", "媒体解读：安全生产", "政务公开工作要点"].sort());
    expect(await titles({ sort: "updatedAt", dir: "asc" })).toEqual(["媒体解读：安全生产", "政务公开工作要点", "关于安全生产的通知"]);
    const page = await listAdminArticles(filter({ page: "99", status: "nonsense", sort: "drop table" }), admin);
    expect(page).toMatchObject({ total: 3, page: 1, pageCount: 1 });
  });

  it("shows an editor only the articles of their columns and their own", async () => {
    expect(await titles({}, editor)).toEqual(["关于安全生产的通知"]);
    expect((await listArticleAuthors(editor)).map((a) => a.name)).toEqual(["张编辑"]);
  });
});
