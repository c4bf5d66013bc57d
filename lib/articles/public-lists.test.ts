import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { getColumnContext } from "@/lib/columns/queries";
import { db } from "@/lib/db/client";
import { createImageMedia } from "@/lib/media/mutations";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { getNeighbours, listColumnArticles, listHeadlines, listRelated, pageWindow } from "./public-lists";
import { getPublicArticleContent } from "./queries";

setupTestDatabase();

const day = (n: number) => new Date(Date.UTC(2023, 0, n, 2, 0, 0));
let parent: { id: number; slug: string };
let child: { id: number };
let authorId: number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  authorId = (await createUser("EDITOR")).id;
  parent = await createColumn();
  child = await createColumn(1, parent.id);
  const make = async (key: string, f: Partial<Parameters<typeof createArticle>[0]>) => {
    ids[key] = (await createArticle({ columnId: parent.id, authorId, title: key, ...f })).id;
  };
  await make("d1", { publishedAt: day(1), titleTags: ["五大任务"] });
  await make("d2", { publishedAt: day(2) });
  await make("d3", { publishedAt: day(3), pinned: true });
  await make("d4", { publishedAt: day(4), headline: true });
  await make("d5-child", { publishedAt: day(5), columnId: child.id, titleTags: ["五大任务"] });
  await make("d6-draft", { publishedAt: day(6), state: "draft" });
  await make("d7-withdrawn", { publishedAt: day(7), state: "withdrawn" });
  await make("d8", { publishedAt: day(8), titleTags: ["五大任务"] });
});

const titles = (items: { title: string }[]) => items.map((i) => i.title);

describe("column listings", () => {
  it("list pinned first, then newest first, with the child columns' articles and nothing unpublished", async () => {
    const context = (await getColumnContext(parent.slug))!;
    expect(context.listedColumnIds).toEqual([parent.id, child.id]);
    const page = await listColumnArticles(context.listedColumnIds, 1);
    expect(titles(page.items)).toEqual(["d3", "d8", "d5-child", "d4", "d2", "d1"]);
    expect(page).toMatchObject({ total: 6, pageCount: 1, page: 1 });
  });

  it("paginate without overlap or gaps", async () => {
    const columnIds = [parent.id, child.id];
    const pages = await Promise.all([1, 2, 3].map((p) => listColumnArticles(columnIds, p, 2)));
    expect(pages.map((p) => titles(p.items))).toEqual([["d3", "d8"], ["d5-child", "d4"], ["d2", "d1"]]);
    expect(pages[0].pageCount).toBe(3);
  });

  it("read a page past the middle from the other end: every page size gives the one order, each article once", async () => {
    const columnIds = [parent.id, child.id];
    const all = titles((await listColumnArticles(columnIds, 1, 100)).items);
    for (const size of [1, 2, 3, 4, 5]) {
      const count = Math.ceil(all.length / size);
      const pages = await Promise.all(Array.from({ length: count }, (_, i) => listColumnArticles(columnIds, i + 1, size)));
      expect(pages.flatMap((p) => titles(p.items)), `page size ${size}`).toEqual(all);
      expect((await listColumnArticles(columnIds, count + 1, size)).items).toEqual([]);
    }
  });

  it("window a page from the nearer end", () => {
    expect(pageWindow(100_000, 1, 20)).toEqual({ fromEnd: false, skip: 0, take: 20 });
    expect(pageWindow(100_000, 5_000, 20)).toEqual({ fromEnd: true, skip: 0, take: 20 });
    expect(pageWindow(100_010, 5_001, 20)).toEqual({ fromEnd: true, skip: 0, take: 10 });
    expect(pageWindow(100_010, 5_000, 20)).toEqual({ fromEnd: true, skip: 10, take: 20 });
    expect(pageWindow(100_000, 2_500, 20)).toEqual({ fromEnd: false, skip: 49_980, take: 20 });
    expect(pageWindow(100_000, 2_501, 20)).toEqual({ fromEnd: true, skip: 49_980, take: 20 });
    expect(pageWindow(0, 1, 20)).toBeNull();
    expect(pageWindow(40, 3, 20)).toBeNull();
  });
});

describe("上一条 / 下一条", () => {
  it("follow the column's date order, within the article's own column, 没有了 at the ends", async () => {
    const at = async (key: string, publishedAt: Date) => getNeighbours({ id: ids[key], columnId: parent.id, publishedAt });
    const middle = await at("d2", day(2));
    expect(middle.previous?.title).toBe("d3");
    expect(middle.next?.title).toBe("d1");
    // d4's newer neighbour in its own column is d8: d5 is in the child column, d6/d7 are not public.
    expect((await at("d4", day(4))).previous?.title).toBe("d8");
    expect((await at("d8", day(8))).previous).toBeNull();
    expect((await at("d1", day(1))).next).toBeNull();
  });
});

describe("related and headlines", () => {
  it("prefer articles sharing a title tag, never the article itself", async () => {
    const related = await listRelated({ id: ids.d1, columnId: parent.id, titleTags: ["五大任务"] }, 4);
    expect(titles(related).slice(0, 2)).toEqual(["d8", "d5-child"]);
    expect(titles(related)).not.toContain("d1");
    expect(related).toHaveLength(4);
  });

  it("fall back to the newest of the column for an article without tags, each article once", async () => {
    const related = await listRelated({ id: ids.d1, columnId: parent.id, titleTags: [] }, 3);
    expect(related.length).toBeGreaterThan(0);
    expect(titles(related)).not.toContain("d1");
    const dates = related.map((r) => r.publishedAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const both = await listRelated({ id: ids.d1, columnId: parent.id, titleTags: ["五大任务"] }, 10);
    expect(new Set(both.map((r) => r.id)).size).toBe(both.length);
  });

  it("follow each article's live state through whatever changes it: withdrawn, a new live revision, a 公开日期 to come", async () => {
    const column = await createColumn();
    const make = async (title: string, titleTags: string[], f: Partial<Parameters<typeof createArticle>[0]> = {}) =>
      (await createArticle({ columnId: column.id, authorId, title, titleTags, ...f })).id;
    const self = await make("本篇", ["专题", "图解"], { publishedAt: day(20) });
    const older = await make("较早", ["专题"], { publishedAt: day(21) });
    const both = await make("两个标签", ["专题", "图解"], { publishedAt: day(22) });
    const newest = await make("最新", ["图解"], { publishedAt: day(23) });
    await make("明日发布", ["专题"], { state: "future" });
    await make("已撤稿", ["专题"], { state: "withdrawn", publishedAt: day(24) });
    const related = async () => titles(await listRelated({ id: self, columnId: parent.id, titleTags: ["专题", "图解"] }, 3));
    // Newest first across both tags, each article once; never the future or withdrawn ones.
    expect(await related()).toEqual(["最新", "两个标签", "较早"]);

    await db().article.update({ where: { id: newest }, data: { live: false, withdrawnAt: new Date() } });
    const retagged = await db().articleRevision.create({
      data: { articleId: both, version: 2, authorId, title: "两个标签", titleTags: ["其他"], subtitle: "", author: "", source: "", summary: "", bodyJson: {}, bodyHtml: "", bodyText: "", attachments: [] },
    });
    await db().article.update({ where: { id: both }, data: { liveRevisionId: retagged.id } });
    expect(await related()).toEqual(["较早", expect.any(String), expect.any(String)]);
    expect((await related()).slice(1)).not.toContain("两个标签");
    expect(await db().publicTitleTag.findMany({ where: { articleId: { in: [older, both, newest] } }, orderBy: { articleId: "asc" } })).toEqual([
      expect.objectContaining({ tag: "专题", articleId: older }),
      expect.objectContaining({ tag: "其他", articleId: both }),
    ]);
  });

  it("list headlines", async () => {
    expect(titles(await listHeadlines())).toEqual(["d4"]);
  });
});

describe("headline pictures", () => {
  const picture = async (name: string) =>
    createImageMedia({
      data: await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#2a6f97" } }).jpeg().toBuffer(),
      originalName: name,
      alt: `${name}的说明`,
      uploadedById: authorId,
    });
  const withBodyImage = { type: "doc", content: [{ type: "image", attrs: { src: "/media/images/body/w960.jpg", alt: "正文图" } }] };
  const made: Record<string, number> = {};
  let cover: Awaited<ReturnType<typeof picture>>;
  let pending: Awaited<ReturnType<typeof picture>>;

  beforeAll(async () => {
    cover = await picture("封面");
    pending = await picture("待审封面");
    const column = await createColumn();
    const make = async (key: string, f: Partial<Parameters<typeof createArticle>[0]>) => {
      made[key] = (await createArticle({ columnId: column.id, authorId, title: key, headline: true, publishedAt: day(10), ...f })).id;
    };
    await make("cover-and-body", { coverId: cover.id, doc: withBodyImage });
    await make("body-only", { doc: withBodyImage });
    await make("no-picture", {});
    await make("cover-deleted", { coverId: (await picture("已删除")).id, doc: withBodyImage });
    // A cover chosen on the working copy but not yet approved: the live revision has none.
    await make("cover-in-review", { doc: withBodyImage });
    await db().article.update({ where: { id: made["cover-in-review"] }, data: { coverId: pending.id } });
    await db().media.delete({ where: { id: (await db().articleRevision.findFirstOrThrow({ where: { articleId: made["cover-deleted"] } })).coverId! } });
  });

  const imageOf = async (key: string) => (await listHeadlines(20)).find((h) => h.id === made[key])?.image;

  it("show the cover the editors chose, as its renditions", async () => {
    expect(await imageOf("cover-and-body")).toEqual({ src: cover.src, srcset: cover.srcset, alt: "封面的说明" });
    expect(cover.src).toMatch(/^\/media\/images\/.+\.jpg$/);
    expect(cover.srcset).toMatch(/\.webp \d+w/);
  });

  it("fall back to the first picture of the body, or to none", async () => {
    const body = { src: "/media/images/body/w960.jpg", srcset: "", alt: "正文图" };
    expect(await imageOf("body-only")).toEqual(body);
    expect(await imageOf("cover-deleted")).toEqual(body);
    expect(await imageOf("cover-in-review")).toEqual(body);
    expect(await imageOf("no-picture")).toBeNull();
  });
});

describe("the public article", () => {
  it("is built from the live revision with its column path; unpublished ones are null", async () => {
    const content = await getPublicArticleContent(ids["d5-child"]);
    expect(content?.view).toMatchObject({ id: ids["d5-child"], title: "d5-child", titleTags: ["五大任务"], author: "市政府办公室", disclosure: null });
    expect(content?.columnPath.map((c) => c.id)).toEqual([parent.id, child.id]);
    expect(await getPublicArticleContent(ids["d6-draft"])).toBeNull();
    expect(await getPublicArticleContent(ids["d7-withdrawn"])).toBeNull();
  });
});
