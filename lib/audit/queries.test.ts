import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createTestUser } from "@/lib/users/testing";
import { setupTestDatabase } from "@/test/db";
import { actAs } from "@/test/session";
import { GET } from "@/app/admin/(panel)/audit/export/route";
import { auditCsvChunks } from "./export";
import { parseAuditFilter, type AuditFilter } from "./filters";
import { AUDIT_PAGE_SIZE, auditFacets, listAuditEntries } from "./queries";

setupTestDatabase();

let admin: SessionUser;
const filter = (params: Record<string, string> = {}): AuditFilter => parseAuditFilter(params);

/** Entries at fixed times (Beijing time): 11-28 23:30, 11-29 00:10, 11-29 10:00, 11-30 09:00. */
beforeAll(async () => {
  admin = await createTestUser("ADMIN", { email: "chief@wuhai.gov.cn" });
  const rows = [
    { at: "2026-11-28T15:30:00Z", actorLabel: "chief@wuhai.gov.cn", action: "user.create", targetType: "user", targetId: "7" },
    { at: "2026-11-28T16:10:00Z", actorLabel: "editor@wuhai.gov.cn", action: "login.failure", targetType: "user", targetId: "" },
    { at: "2026-11-29T02:00:00Z", actorLabel: "chief@wuhai.gov.cn", action: "column.update", targetType: "column", targetId: "3" },
    { at: "2026-11-30T01:00:00Z", actorLabel: "=cmd|' /C calc'!A0", action: "login.failure", targetType: "user", targetId: "" },
  ];
  for (const r of rows) {
    await db().auditEntry.create({ data: { ...r, at: new Date(r.at), actorId: r.actorLabel.startsWith("chief") ? admin.id : null, detail: { note: "逗号,引号\"" } } });
  }
});

describe("listAuditEntries", () => {
  it("lists newest first", async () => {
    const { entries, total } = await listAuditEntries(filter());
    expect(total).toBe(4);
    expect(entries.map((e) => e.at.toISOString())).toEqual([
      "2026-11-30T01:00:00.000Z",
      "2026-11-29T02:00:00.000Z",
      "2026-11-28T16:10:00.000Z",
      "2026-11-28T15:30:00.000Z",
    ]);
  });

  it("filters by actor (part of the email, any case), exact action, action family, target", async () => {
    expect((await listAuditEntries(filter({ actor: "CHIEF" }))).total).toBe(2);
    expect((await listAuditEntries(filter({ action: "login.failure" }))).total).toBe(2);
    expect((await listAuditEntries(filter({ action: "user.*" }))).entries.map((e) => e.action)).toEqual(["user.create"]);
    expect((await listAuditEntries(filter({ targetType: "column", targetId: "3" }))).total).toBe(1);
    expect((await listAuditEntries(filter({ actor: "chief", action: "login.failure" }))).total).toBe(0);
  });

  it("filters by calendar days in Beijing time, both ends inclusive", async () => {
    // 2026-11-28 23:30 Beijing is still the 28th; 00:10 is the 29th.
    const on29 = await listAuditEntries(filter({ from: "2026-11-29", to: "2026-11-29" }));
    expect(on29.entries.map((e) => e.action)).toEqual(["column.update", "login.failure"]);
    expect((await listAuditEntries(filter({ to: "2026-11-28" }))).total).toBe(1);
    expect((await listAuditEntries(filter({ from: "2026-11-30" }))).total).toBe(1);
  });

  it("ignores malformed filter values instead of failing", () => {
    expect(filter({ from: "yesterday", to: "2026-13-45", page: "-3", actor: "  " })).toEqual({ page: 1 });
  });

  it("pages through a long log", async () => {
    await db().auditEntry.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({ action: "word.create", targetType: "word", targetId: String(i) })),
    });
    const first = await listAuditEntries(filter({ action: "word.create" }));
    expect(first).toMatchObject({ total: AUDIT_PAGE_SIZE + 5, page: 1, pageCount: 2 });
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    const second = await listAuditEntries(filter({ action: "word.create", page: "2" }));
    expect(second.entries).toHaveLength(5);
    // A page past the end shows the last page.
    expect((await listAuditEntries(filter({ action: "word.create", page: "99" }))).page).toBe(2);
    const ids = new Set([...first.entries, ...second.entries].map((e) => e.id));
    expect(ids.size).toBe(AUDIT_PAGE_SIZE + 5);
  });

  it("offers the actions and target types that occur", async () => {
    const facets = await auditFacets();
    expect(facets.actions).toEqual(expect.arrayContaining(["column.update", "login.failure", "user.create"]));
    expect(facets.targetTypes).toEqual(expect.arrayContaining(["column", "user"]));
  });
});

describe("CSV export", () => {
  it("starts with the BOM and a Chinese header, and defuses formulas", async () => {
    let csv = "";
    for await (const chunk of auditCsvChunks(filter({ action: "login.failure" }))) csv += chunk;
    expect(csv.startsWith("\uFEFF时间 (UTC+08:00),操作人,操作人编号,操作代码,操作,")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(4); // header, two rows, and the empty string after the last CRLF
    expect(lines[1]).toBe(`2026-11-30 09:00:00,'=cmd|' /C calc'!A0,,login.failure,登录失败,user,,,,"{""note"":""逗号,引号\\""""}"`);
    expect(lines[2].startsWith("2026-11-29 00:10:00,editor@wuhai.gov.cn,")).toBe(true);
  });

  it("streams every row of a log larger than one batch", async () => {
    let rows = 0;
    for await (const chunk of auditCsvChunks(filter({ action: "word.create" }))) rows += chunk.split("\r\n").length - 1;
    expect(rows).toBe(1 + AUDIT_PAGE_SIZE + 5);
  });
});

describe("GET /admin/audit/export", () => {
  const get = (query = "") => GET(new Request(`http://localhost/admin/audit/export${query}`));

  it("gives admins the filtered CSV as a download, and audits the export", async () => {
    actAs(admin);
    const response = await get("?action=user.*");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-\d{12}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("user.create,新建用户");
    expect(text).not.toContain("column.update");
    const entry = await db().auditEntry.findFirst({ where: { action: "audit.export" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ actorId: admin.id, detail: { filter: "?action=user.*" } });
  });

  it("refuses editors, reviewers and anonymous callers", async () => {
    for (const [user, status] of [[await createTestUser("EDITOR"), 403], [await createTestUser("REVIEWER"), 403], [null, 401]] as const) {
      actAs(user);
      const response = await get();
      expect(response.status).toBe(status);
      expect(await response.text()).not.toContain("login.failure");
    }
  });
});

describe("the log is append-only", () => {
  it("refuses UPDATE and DELETE at the database", async () => {
    // The app's role may only read and append (lib/db/roles.ts); the table's triggers refuse everyone else (lib/db/migrate.test.ts).
    const entry = await db().auditEntry.findFirstOrThrow();
    await expect(db().auditEntry.update({ where: { id: entry.id }, data: { action: "tampered" } })).rejects.toThrow(/permission denied/);
    await expect(db().auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/permission denied/);
    await expect(db().$executeRawUnsafe(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/permission denied/);
    await expect(db().$executeRawUnsafe(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/permission denied/);
  });

  it("has no code path in the app that changes or deletes entries (retention ≥ 180 days)", () => {
    const offenders: string[] = [];
    const pattern = /auditEntry\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b|(DELETE\s+FROM|UPDATE|TRUNCATE)\s+"?AuditEntry"?/i;
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && pattern.test(fs.readFileSync(file, "utf8"))) {
          offenders.push(file);
        }
      }
    };
    for (const dir of ["app", "lib", "components", "scripts"]) walk(path.join(process.cwd(), dir));
    expect(offenders).toEqual([]);
  });
});
