import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { poolConfigFromUrl } from "./connection";
import { migrate, pendingMigrations } from "./migrate";

const serverUrl = () => process.env.TEST_DATABASE_SERVER_URL!;
const name = `migrate_${crypto.randomBytes(4).toString("hex")}`;

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

afterAll(() => withClient(serverUrl(), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

describe("migrations", () => {
  it("end with a schema snapshot equal to prisma/schema.prisma (the next db:new-migration diffs from it)", () => {
    // Branches merged side by side each snapshot their own schema: the newest must be the merged one.
    const dir = path.join(process.cwd(), "prisma", "migrations");
    const latest = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "schema.prisma"))).sort().at(-1)!;
    const snapshot = fs.readFileSync(path.join(dir, latest, "schema.prisma"), "utf8");
    expect(snapshot, `${latest}/schema.prisma differs from prisma/schema.prisma`).toBe(fs.readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8"));
  });

  it("apply to an empty database with prisma migrate deploy, and leave nothing pending", async () => {
    await withClient(serverUrl(), (c) => c.query(`CREATE DATABASE "${name}"`));
    const url = serverUrl().replace(/\/postgres$/, `/${name}`);
    expect((await pendingMigrations(url)).length).toBeGreaterThan(0);

    await migrate(url, () => {});

    expect(await pendingMigrations(url)).toEqual([]);
    const tables = await withClient(url, (c) =>
      c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"),
    );
    const names = tables.rows.map((r) => r.tablename);
    for (const table of ["Article", "ArticleRevision", "Column", "User", "Media", "SiteSettings", "AuditEntry"]) {
      expect(names).toContain(table);
    }
  }, 120_000);

  it("keep the audit log append-only", async () => {
    const url = serverUrl().replace(/\/postgres$/, `/${name}`);
    await withClient(url, async (c) => {
      await c.query(`INSERT INTO "AuditEntry" (action) VALUES ('test')`);
      await expect(c.query(`UPDATE "AuditEntry" SET action = 'changed'`)).rejects.toThrow(/append-only/);
      await expect(c.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only/);
      await expect(c.query(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
    });
  });
});
