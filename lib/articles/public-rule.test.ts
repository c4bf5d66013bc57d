import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db/client";
import { pool as dbPool } from "@/lib/db/pool";
import { sqlRows } from "@/lib/db/sql";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { publicArticleSql, publicArticleText, publicArticleWhere } from "./public-rule";

setupTestDatabase();

/**
 * The public rule's three forms, run on PostgreSQL over the same rows: each must let
 * through exactly the live, due articles with a live revision, so that none can drift.
 */
let columnId: number;
let authorId: number;
const ids: Record<string, number> = {};
const now = new Date();

beforeAll(async () => {
  columnId = (await createColumn()).id;
  authorId = (await createUser("EDITOR")).id;
  const past = new Date(now.getTime() - 3_600_000);
  ids.published = (await createArticle({ columnId, authorId, publishedAt: past })).id;
  // Due to the millisecond: publishedAt <= now.
  ids.dueNow = (await createArticle({ columnId, authorId, publishedAt: now })).id;
  ids.draft = (await createArticle({ columnId, authorId, state: "draft" })).id;
  ids.scheduled = (await createArticle({ columnId, authorId, state: "scheduled" })).id;
  ids.withdrawn = (await createArticle({ columnId, authorId, state: "withdrawn", publishedAt: past })).id;
  // Live, but its 公开日期 is still to come.
  ids.future = (await createArticle({ columnId, authorId, state: "future" })).id;
  ids.futureByAMillisecond = (await createArticle({ columnId, authorId, publishedAt: new Date(now.getTime() + 1) })).id;
  // Live and due, without a live revision (a row the workflow never leaves, but the rule excludes).
  ids.noLiveRevision = (await createArticle({ columnId, authorId, publishedAt: past })).id;
  await db().article.update({ where: { id: ids.noLiveRevision }, data: { liveRevisionId: null } });
  // Due, with a live revision, but not live (taken down).
  ids.notLive = (await createArticle({ columnId, authorId, publishedAt: past })).id;
  await db().article.update({ where: { id: ids.notLive }, data: { live: false } });
});

const expected = ["published", "dueNow"];
const names = (found: number[]) => Object.keys(ids).filter((name) => found.includes(ids[name]!)).sort();
const all = () => Object.values(ids);

describe("the public rule", () => {
  it("as a Prisma where: live, due and with a live revision", async () => {
    const rows = await db().article.findMany({ where: { id: { in: all() }, ...publicArticleWhere(now) }, select: { id: true } });
    expect(names(rows.map((r) => r.id))).toEqual([...expected].sort());
  });

  it("as Prisma.sql, with the table alias given, through Prisma and through node-postgres", async () => {
    const viaPrisma = await db().$queryRaw<{ id: number }[]>`
      SELECT art.id FROM "Article" art WHERE art.id = ANY(${all()}::int[]) AND ${publicArticleSql(now, "art")}`;
    expect(names(viaPrisma.map((r) => r.id))).toEqual([...expected].sort());
    const viaPg = await sqlRows<{ id: number }>(Prisma.sql`SELECT a.id FROM "Article" a WHERE a.id = ANY(${all()}::int[]) AND ${publicArticleSql(now)}`);
    expect(names(viaPg.map((r) => r.id))).toEqual([...expected].sort());
  });

  it("as plain text for node-postgres, bare or with an alias", async () => {
    const pool = dbPool();
    const bare = await pool.query<{ id: number }>(`SELECT id FROM "Article" WHERE id = ANY($2::int[]) AND ${publicArticleText("$1")}`, [now.toISOString(), all()]);
    expect(names(bare.rows.map((r) => r.id))).toEqual([...expected].sort());
    const aliased = await pool.query<{ id: number }>(`SELECT x.id FROM "Article" x WHERE x.id = ANY($2::int[]) AND ${publicArticleText("$1", "x")}`, [now.toISOString(), all()]);
    expect(names(aliased.rows.map((r) => r.id))).toEqual([...expected].sort());
  });

  it("is the same SQL in its Prisma.sql and text forms", () => {
    expect(publicArticleSql(now, "a").text).toBe(publicArticleText("$1", "a"));
    expect(publicArticleSql(now).values).toEqual([now.toISOString()]);
  });

  it("refuses anything but a plain identifier as the alias", () => {
    expect(() => publicArticleSql(now, 'a"; DROP TABLE "Article"; --')).toThrow();
    expect(() => publicArticleText("$1", "a.b")).toThrow();
  });
});
