import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Prisma, db } from "@/lib/db/client";
import { recordView } from "@/lib/views/record";
import { adminUrlOf, setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { poolConfigFromUrl } from "./connection";
import { APPLICATION_NAME, pool } from "./pool";
import { sqlRows } from "./sql";

/** One pool per process (lib/db/pool.ts): DB_POOL_SIZE is all the connections Prisma, sqlRows and the view counter hold together. */
const POOL_SIZE = 3;
// Before setupTestDatabase's beforeAll, which ends any pool: the next one is made with this size.
vi.stubEnv("DB_POOL_SIZE", String(POOL_SIZE));

const databaseUrl = setupTestDatabase();

let columnId: number;
let authorId: number;
/** A connection of the test's own, outside the pool, that watches pg_stat_activity. */
let monitor: pg.Client;

beforeAll(async () => {
  // The test cluster commits asynchronously everywhere (test/global-setup.ts); this database
  // gets PostgreSQL's default back, as a production one has, before the pool's first connection.
  await asAdmin(`ALTER DATABASE "${new URL(databaseUrl()).pathname.slice(1)}" SET synchronous_commit = on`);
  columnId = (await createColumn()).id;
  authorId = (await createUser("EDITOR")).id;
  monitor = new pg.Client({ ...poolConfigFromUrl(databaseUrl()), application_name: "gazette-test-monitor" });
  await monitor.connect();
});

afterAll(async () => {
  await monitor?.end();
  vi.unstubAllEnvs();
});

async function asAdmin(sql: string) {
  const admin = new pg.Client(poolConfigFromUrl(adminUrlOf(databaseUrl())));
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * The client connections to this database other than the monitor's, and how many of them
 * are the pool's. PostgreSQL's own workers (an autovacuum worker tidying the rows the test
 * just wrote) show there too, and are not connections anyone opened.
 */
async function connections(): Promise<{ all: number; pool: number }> {
  const { rows } = await monitor.query<{ all: number; pool: number }>(
    `SELECT count(*)::int AS all, (count(*) FILTER (WHERE application_name = $1))::int AS pool
     FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    [APPLICATION_NAME],
  );
  return rows[0];
}

describe("the process's one pool", () => {
  it("never holds more than DB_POOL_SIZE connections, with Prisma, sqlRows and the view counter each 50 calls at once", async () => {
    const articles = await Promise.all(Array.from({ length: 5 }, () => createArticle({ columnId, authorId })));
    const ids = articles.map((a) => a.id);

    const samples: { all: number; pool: number }[] = [];
    let loading = true;
    const watching = (async () => {
      while (loading) samples.push(await connections());
    })();

    const work = async () => {
      const calls = Array.from({ length: 50 }, (_, i) => [
        db().article.findMany({ where: { id: { in: ids } }, select: { id: true, viewCount: true } }),
        db().$transaction(async (tx) => tx.article.count({ where: { id: { in: ids } } })),
        sqlRows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM "Article" WHERE id = ANY(${ids}::int[]) AND ${i}::int >= 0`),
        recordView(ids[i % ids.length]),
      ]);
      return Promise.all(calls.flat());
    };
    try {
      await work();
      await work();
    } finally {
      loading = false;
      await watching;
    }

    // Every view counted: the load ran.
    const counts = await db().article.findMany({ where: { id: { in: ids } }, select: { viewCount: true } });
    expect(counts.reduce((sum, a) => sum + a.viewCount, 0)).toBe(100);

    expect(samples.length).toBeGreaterThan(0);
    const most = Math.max(...samples.map((s) => s.all));
    expect(most).toBeLessThanOrEqual(POOL_SIZE);
    // The pool was busy (all its connections open), and every connection there was the pool's.
    expect(Math.max(...samples.map((s) => s.pool))).toBe(POOL_SIZE);
    for (const s of samples) expect(s.pool).toBe(s.all);
    expect(pool().options.max).toBe(POOL_SIZE);
  });

  it("commits the view counter's updates without waiting for the disk, and leaves its connections with the default", async () => {
    const article = await createArticle({ columnId, authorId });
    await Promise.all(Array.from({ length: 20 }, () => recordView(article.id)));
    // The setting ended with each statement's transaction: every connection of the pool is back to the default.
    const clients = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool().connect()));
    try {
      for (const client of clients) expect((await client.query<{ synchronous_commit: string }>("SHOW synchronous_commit")).rows[0].synchronous_commit).toBe("on");
    } finally {
      for (const client of clients) client.release();
    }
  });

  it("counts each view in such a transaction, while Prisma's writes keep the default", async () => {
    // A trigger writes down the setting each update of a view count ran with (this test's database only).
    await asAdmin(`
      CREATE TABLE view_commit_setting (setting text NOT NULL);
      GRANT INSERT, SELECT ON view_commit_setting TO PUBLIC;
      CREATE FUNCTION note_commit_setting() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO view_commit_setting VALUES (current_setting('synchronous_commit')); RETURN NEW; END $$;
      CREATE TRIGGER note_commit_setting AFTER UPDATE OF "viewCount" ON "Article" FOR EACH ROW EXECUTE FUNCTION note_commit_setting();`);
    const article = await createArticle({ columnId, authorId });
    await recordView(article.id);
    await db().article.update({ where: { id: article.id }, data: { viewCount: { increment: 1 } } });
    const { rows } = await monitor.query<{ setting: string }>("SELECT setting FROM view_commit_setting");
    expect(rows.map((r) => r.setting)).toEqual(["off", "on"]);
  });
});
