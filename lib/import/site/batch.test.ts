import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { send, startImageServer, type ImageServer } from "@/test/image-server";
import { createAssetReader } from "./assets";
import { ColumnResolver } from "./columns";
import type { ImportItem, SourceEntry } from "./item";
import { runImport, type ImportActor, type RunOptions } from "./run";

/**
 * New items are written in batches, one transaction each: a failure inside a batch
 * loses none of the other items, and a run stopped half-way is continued by the next.
 */
setupTestDatabase();

const picture = fs.readFileSync(path.join(import.meta.dirname, "fixtures", "shifanyuan.png"));
let oldSite: ImageServer;
let actor: ImportActor;
let column: { id: number; slug: string };

beforeAll(async () => {
  oldSite = await startImageServer({ "/picture.png": send(picture, "image/png") });
  const admin = await createUser("ADMIN");
  actor = { id: admin.id, email: admin.email, role: "ADMIN", columnIds: [] };
  column = await createColumn();
});

afterAll(() => oldSite.close());

function item(key: string, extra: Partial<ImportItem> = {}): ImportItem {
  return {
    key,
    oldUrl: `${oldSite.origin}/old/${key}.html`,
    otherUrls: [],
    title: `批量条目 ${key}`,
    bodyHtml: `<p>正文 ${key}</p>`,
    publishedAt: new Date("2024-03-01T02:00:00Z"),
    author: "市政府办公室",
    source: "",
    summary: "",
    categories: [],
    status: "publish",
    attachmentUrls: [],
    coverUrl: null,
    ...extra,
  };
}

async function* entries(items: ImportItem[]): AsyncGenerator<SourceEntry> {
  for (const i of items) yield { item: i };
}

function run(items: ImportItem[], source: string, extra: Partial<RunOptions> = {}) {
  return runImport(entries(items), {
    kind: "html",
    source,
    input: "test",
    actor,
    asDrafts: false,
    dryRun: false,
    assets: createAssetReader({ trustedOrigins: [oldSite.origin] }),
    columns: new ColumnResolver({ map: {}, createUnder: null, fallback: column.slug }, new Map(), actor, false),
    batchSize: 4,
    ...extra,
  });
}

const importedKeys = async (source: string) =>
  (await db().importedItem.findMany({ where: { source }, select: { key: true, articleId: true }, orderBy: { key: "asc" } })).filter((r) => r.articleId).map((r) => r.key);

describe("batches of new items", () => {
  it("write every good item of a batch in which one fails, and remove only the failed item's new files", async () => {
    const media = await db().media.count();
    // A date JavaScript accepts and PostgreSQL cannot store passes every check before the database: the batch's transaction fails.
    const bad = item("b3", { publishedAt: new Date(-8.64e15), bodyHtml: `<p>正文</p><p><img src="${oldSite.origin}/picture.png" alt="图"></p>` });
    const report = await run([item("b1"), item("b2"), bad, item("b4"), item("b5")], "html:batch-failure");

    expect(report).toMatchObject({ imported: 4, failed: 1, redirects: 4 });
    expect(report.problems).toEqual([expect.objectContaining({ item: expect.stringContaining("/old/b3.html"), failed: true })]);
    expect(await importedKeys("html:batch-failure")).toEqual(["b1", "b2", "b4", "b5"]);
    // The picture was stored for the failed item only: it is gone again.
    expect(await db().media.count()).toBe(media);
    const written = await db().article.findMany({ where: { importedFrom: { some: { source: "html:batch-failure" } } }, include: { liveRevision: true, redirects: true } });
    expect(written).toHaveLength(4);
    for (const article of written) {
      // As goLive leaves it: live, its own 公开日期, its first revision live; and its old address.
      expect(article).toMatchObject({ status: "PUBLISHED", live: true, version: 1, columnId: column.id, publishedAt: new Date("2024-03-01T02:00:00Z") });
      expect(article.liveRevision).toMatchObject({ version: 1, title: article.title, bodyHtml: article.bodyHtml, note: expect.stringContaining("导入自") });
      expect(article.redirects).toHaveLength(1);
    }
    const searchable = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "ArticleSearch" WHERE "articleId" = ANY(${written.map((a) => a.id)}) AND "isPublic"`;
    expect(searchable[0].n).toBe(4);
  });

  it("are continued by a re-run after a stop, each item written once", async () => {
    const items = Array.from({ length: 11 }, (_, i) => item(`s${String(i).padStart(2, "0")}`));
    let seen = 0;
    const first = await run(items, "html:stopped", { onItem: (done) => (seen = done), stopped: () => seen >= 5 });
    // Stopped after five items read (a sixth may be under way): what was read is written, nothing more.
    expect(first.imported).toBeGreaterThanOrEqual(5);
    expect(first.imported).toBeLessThan(11);
    expect(first.failed).toBe(0);
    const afterStop = await importedKeys("html:stopped");
    expect(afterStop).toEqual(items.slice(0, first.imported).map((i) => i.key));

    const second = await run(items, "html:stopped");
    expect(second).toMatchObject({ imported: 11 - first.imported, skipped: first.imported, updated: 0, failed: 0 });
    expect(await importedKeys("html:stopped")).toEqual(items.map((i) => i.key));
    expect(await db().article.count({ where: { importedFrom: { some: { source: "html:stopped" } } } })).toBe(11);
  });
});
