import pg from "pg";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminUrlOf, setupTestDatabase } from "@/test/db";
import { poolConfigFromUrl } from "./connection";
import { migrate } from "./migrate";
import { APP_ROLE, AUDIT_OWNER, describeConnectedRole, prepareAppRole } from "./roles";

/**
 * The app reaches PostgreSQL as its own role (as `npm start` does: test/global-setup.ts
 * prepares the cluster the same way): no superuser powers, and an audit log it can read
 * and append to but not rewrite, empty, or unprotect.
 */
const databaseUrl = setupTestDatabase();

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const count = () => withClient(databaseUrl(), async (c) => (await c.query(`SELECT count(*)::int AS n FROM "AuditEntry"`)).rows[0].n as number);

beforeAll(async () => {
  await withClient(databaseUrl(), (c) => c.query(`INSERT INTO "AuditEntry" (action) VALUES ('test.one'), ('test.two')`));
});

describe("the app's database role", () => {
  it("is not a superuser, and cannot create roles or databases, replicate or bypass row security", async () => {
    const role = await withClient(databaseUrl(), async (c) => (await c.query(`SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user`)).rows[0]);
    expect(role).toEqual({ rolname: role.rolname, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false });
    await withClient(databaseUrl(), async (c) => {
      await expect(c.query("SELECT pg_read_file('/etc/passwd')")).rejects.toThrow(/permission denied/);
      await expect(c.query("COPY (SELECT 1) TO PROGRAM 'true'")).rejects.toThrow(/permission denied|must be superuser|privileges/);
    });
  });

  it("owns the site's tables, but not the audit log", async () => {
    const owners = await withClient(databaseUrl(), async (c) =>
      Object.fromEntries(
        (await c.query(`SELECT c.relname, pg_get_userbyid(c.relowner) = current_user AS mine, pg_get_userbyid(c.relowner) AS owner FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relname IN ('Article', 'User', 'AuditEntry')`)).rows.map((r) => [r.relname, r.mine ? "app" : r.owner]),
      ),
    );
    expect(owners).toEqual({ Article: "app", User: "app", AuditEntry: AUDIT_OWNER });
  });

  it.each([
    ["TRUNCATE it", `TRUNCATE "AuditEntry"`],
    ["DELETE from it", `DELETE FROM "AuditEntry"`],
    ["UPDATE it", `UPDATE "AuditEntry" SET action = 'rewritten'`],
    ["disable its triggers", `ALTER TABLE "AuditEntry" DISABLE TRIGGER ALL`],
    ["drop its trigger", `DROP TRIGGER "AuditEntry_append_only" ON "AuditEntry"`],
    ["drop the table", `DROP TABLE "AuditEntry" CASCADE`],
    ["replace the trigger function", `CREATE OR REPLACE FUNCTION public.audit_entry_append_only() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$ LANGUAGE plpgsql`],
    ["take the table over", `ALTER TABLE "AuditEntry" OWNER TO current_user`],
    ["switch to replication mode (which skips triggers)", `SET session_replication_role = replica`],
  ])("cannot %s: the audit log's rows survive", async (_what, sql) => {
    const before = await count();
    expect(before).toBeGreaterThanOrEqual(2);
    await withClient(databaseUrl(), (c) => expect(c.query(sql)).rejects.toThrow());
    expect(await count()).toBe(before);
  });

  it("can still read and append to the audit log", async () => {
    const before = await count();
    await withClient(databaseUrl(), (c) => c.query(`INSERT INTO "AuditEntry" (action) VALUES ('test.three')`));
    expect(await count()).toBe(before + 1);
  });
});

describe("a database set up by an older Gazette (everything the superuser's)", () => {
  it("is handed over on the next start: the tables to the app, the audit log to its owner", async () => {
    const admin = adminUrlOf(databaseUrl());
    await withClient(admin, (c) => c.query(`ALTER TABLE "Article" OWNER TO CURRENT_USER; ALTER TABLE "AuditEntry" OWNER TO CURRENT_USER; GRANT ALL ON "AuditEntry" TO ${APP_ROLE}`));
    await prepareAppRole(admin, APP_ROLE);
    const owners = await withClient(admin, async (c) => (await c.query(`SELECT relname, pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname IN ('Article', 'AuditEntry', 'AuditEntry_id_seq') ORDER BY 1`)).rows);
    expect(owners).toEqual([
      { relname: "Article", owner: APP_ROLE },
      { relname: "AuditEntry", owner: AUDIT_OWNER },
      { relname: "AuditEntry_id_seq", owner: AUDIT_OWNER },
    ]);
    const before = await count();
    await withClient(databaseUrl(), (c) => expect(c.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/permission denied/));
    expect(await count()).toBe(before);
  });
});

describe("the audit log's own rules", () => {
  it("refuse TRUNCATE even from its owner (the statement trigger)", async () => {
    const before = await count();
    await withClient(adminUrlOf(databaseUrl()), (c) => expect(c.query(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/));
    expect(await count()).toBe(before);
  });
});

describe("an external PostgreSQL set up as docs/deploy.md shows (no superuser anywhere)", () => {
  const id = crypto.randomBytes(3).toString("hex");
  const [adminRole, appRole, database] = [`ext_admin_${id}`, `ext_app_${id}`, `ext_${id}`];
  const superuserUrl = process.env.TEST_DATABASE_SERVER_URL!;
  const urlFor = (role: string) => {
    const url = new URL(superuserUrl.replace(/\/postgres$/, `/${database}`));
    url.username = role;
    url.password = "secret-for-tests";
    return url.toString();
  };

  afterAll(async () => {
    await withClient(superuserUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS "${appRole}"`);
      await c.query(`DROP ROLE IF EXISTS "${adminRole}"`);
    });
  });

  it("migrates as the administrator, and leaves the app its tables and only reading and appending for the audit log", async () => {
    await withClient(superuserUrl, async (c) => {
      await c.query(`CREATE ROLE "${adminRole}" LOGIN PASSWORD 'secret-for-tests'`);
      await c.query(`CREATE ROLE "${appRole}" LOGIN PASSWORD 'secret-for-tests'`);
      await c.query(`GRANT "${appRole}", ${AUDIT_OWNER} TO "${adminRole}"`);
      await c.query(`CREATE DATABASE "${database}" OWNER "${adminRole}"`);
    });
    await migrate(urlFor(adminRole), () => {});
    await prepareAppRole(urlFor(adminRole), appRole);

    const app = urlFor(appRole);
    await withClient(app, async (c) => {
      await c.query(`INSERT INTO "AuditEntry" (action) VALUES ('test.external')`);
      await c.query(`INSERT INTO "Column" (name, slug, "updatedAt") VALUES ('栏目', 'external', now())`);
      for (const sql of [`TRUNCATE "AuditEntry"`, `DELETE FROM "AuditEntry"`, `ALTER TABLE "AuditEntry" DISABLE TRIGGER ALL`]) {
        await expect(c.query(sql)).rejects.toThrow();
      }
      expect((await c.query(`SELECT count(*)::int AS n FROM "AuditEntry"`)).rows[0].n).toBe(1);
    });
    expect(await describeConnectedRole(app)).toEqual([]);
    expect((await describeConnectedRole(superuserUrl)).join("\n")).toMatch(/WARNING: .*superuser/);
    expect((await describeConnectedRole(urlFor(adminRole))).join("\n")).toMatch(/owns the audit log/);
  }, 60_000);
});
