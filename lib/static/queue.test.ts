import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { drainStaticQueue, enqueueStaticPages, everyPublicPage, pagesBehind } from "./queue";

/** The static snapshot's background queue, against a real database. */
setupTestDatabase();

let authorId: number;
let parent: { id: number; slug: string };
let child: { id: number; slug: string };
const published: number[] = [];
let draftId: number;

beforeAll(async () => {
  authorId = (await createUser("EDITOR")).id;
  parent = await createColumn();
  child = await createColumn(1, parent.id);
  // 41 in the child column: its listing and its parent's have 3 pages of 20.
  for (let i = 0; i < 41; i++) published.push((await createArticle({ columnId: child.id, authorId })).id);
  draftId = (await createArticle({ columnId: child.id, authorId, state: "draft" })).id;
});

beforeEach(async () => {
  await db().$executeRaw`DELETE FROM "StaticQueue"`;
});

afterEach(() => {
  delete process.env.STATIC_PUBLISH;
});

const queued = async () => (await db().staticQueue.findMany({ orderBy: { path: "asc" } })).map((row) => row.path);

describe("pagesBehind", () => {
  it("expands a listing refresh into the later pages of the named columns, and one more", async () => {
    const pages = await pagesBehind([`/articles/${published[0]}`, "/", `/columns/${child.slug}`, "/columns/[slug]/page/[page]|page"]);
    expect(pages).toEqual([`/columns/${child.slug}/page/2`, `/columns/${child.slug}/page/3`, `/columns/${child.slug}/page/4`]);
  });

  it("expands a refresh of every page into every public page, without the ones named", async () => {
    const pages = await pagesBehind(["/|layout", "/", "/sitemap"]);
    expect(pages).not.toContain("/");
    expect(pages).not.toContain("/sitemap");
    expect(pages).toEqual(expect.arrayContaining(["/sitemap.xml", "/feed.xml", `/columns/${parent.slug}`, `/columns/${parent.slug}/feed.xml`, `/columns/${parent.slug}/page/3`, `/columns/${child.slug}/page/4`]));
    for (const id of published) expect(pages).toContain(`/articles/${id}`);
    expect(pages).not.toContain(`/articles/${draftId}`);
    expect(new Set(pages).size).toBe(pages.length);
    expect(await everyPublicPage()).toEqual(expect.arrayContaining(["/", "/sitemap", ...pages]));
  });

  it("expands a column's tag into its public articles (their 上一条/下一条 changed)", async () => {
    const other = await createArticle({ columnId: parent.id, authorId });
    const pages = await pagesBehind([`/articles/${published[0]}`], ["articles", `column:${child.id}`]);
    expect(pages).toHaveLength(40);
    expect(pages).toEqual(expect.arrayContaining(published.slice(1).map((id) => `/articles/${id}`)));
    expect(pages).not.toContain(`/articles/${draftId}`);
    expect(pages).not.toContain(`/articles/${other.id}`);
  });

  it("expands a title tag into the public articles listed under it, in any column", async () => {
    const series = await createArticle({ columnId: parent.id, authorId, titleTags: ["五大任务"] });
    const elsewhere = await createArticle({ columnId: (await createColumn()).id, authorId, titleTags: ["媒体解读", "五大任务"] });
    const pages = await pagesBehind([`/articles/${series.id}`], [`titletag:${encodeURIComponent("五大任务")}`]);
    expect(pages).toEqual([`/articles/${elsewhere.id}`]);
  });

  it("adds nothing to a refresh of single pages", async () => {
    expect(await pagesBehind([`/articles/${published[0]}`, "/", `/columns/${child.slug}`])).toEqual([]);
  });
});

describe("the static queue", () => {
  it("writes every queued page once, oldest request first, and empties", async () => {
    await enqueueStaticPages(["/a", "/b"]);
    await enqueueStaticPages(["/c", "/a"]);
    const written: string[] = [];
    const count = await drainStaticQueue({ budgetMs: 5_000, concurrency: 1, write: async (path) => (written.push(path), true) });
    expect(written).toEqual(["/a", "/b", "/c"]);
    expect(count).toBe(3);
    expect(await queued()).toEqual([]);
  });

  it("keeps a page that failed for later, and gives up after five attempts", async () => {
    await enqueueStaticPages(["/fails"]);
    const attempts: string[] = [];
    const failing = async (path: string) => (attempts.push(path), false);
    expect(await drainStaticQueue({ budgetMs: 5_000, write: failing })).toBe(0);
    // Tried once, then left alone until its lease runs out.
    expect(attempts).toEqual(["/fails"]);
    const row = await db().staticQueue.findUniqueOrThrow({ where: { path: "/fails" } });
    expect(row.attempts).toBe(1);
    expect(row.leasedUntil!.getTime()).toBeGreaterThan(Date.now() + 20_000);
    for (let n = 2; n <= 5; n++) {
      await db().staticQueue.update({ where: { path: "/fails" }, data: { leasedUntil: null } });
      await drainStaticQueue({ budgetMs: 5_000, write: failing });
    }
    expect(attempts).toHaveLength(5);
    expect(await queued()).toEqual([]);
  });

  it("writes a page again when it was asked for again while being written", async () => {
    await enqueueStaticPages(["/busy"]);
    let first = true;
    const written: string[] = [];
    await drainStaticQueue({
      budgetMs: 5_000,
      write: async (path) => {
        written.push(path);
        if (first) {
          first = false;
          await new Promise((resolve) => setTimeout(resolve, 5)); // a later request than the one taken
          await enqueueStaticPages(["/busy"]);
        }
        return true;
      },
    });
    expect(written).toEqual(["/busy", "/busy"]);
    expect(await queued()).toEqual([]);
  });

  it("shares the work between instances: no page is written twice", async () => {
    const paths = Array.from({ length: 30 }, (_, i) => `/p${i}`);
    await enqueueStaticPages(paths);
    const written: string[] = [];
    const slowWrite = async (path: string) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      written.push(path);
      return true;
    };
    await Promise.all([drainStaticQueue({ budgetMs: 10_000, write: slowWrite }), drainStaticQueue({ budgetMs: 10_000, write: slowWrite })]);
    expect(written.sort()).toEqual([...paths].sort());
  });

  it("stops when its time is spent, leaving the rest queued", async () => {
    await enqueueStaticPages(["/1", "/2", "/3", "/4"]);
    const count = await drainStaticQueue({
      budgetMs: 30,
      concurrency: 1,
      write: async () => (await new Promise((resolve) => setTimeout(resolve, 40)), true),
    });
    expect(count).toBe(1);
    expect(await queued()).toHaveLength(3);
  });

  it("does nothing when static publishing is off", async () => {
    process.env.STATIC_PUBLISH = "off";
    await enqueueStaticPages(["/x"]);
    expect(await queued()).toEqual([]);
  });
});
