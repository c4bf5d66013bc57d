import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle as createThroughEditor } from "@/lib/articles/mutations";
import { articleContentSchema } from "@/lib/articles/schema";
import { listenForChanges } from "@/lib/cache/bus";
import { PageCache } from "@/lib/cache/page-cache";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format/date";
import { createPublicSite } from "@/lib/server/public-site";
import { runTransition } from "@/lib/workflow/mutations";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle, type PublicState } from "@/test/public-articles";
import { catalogueChoices, listCatalogue, newestDocuments } from "./catalogue";
import { announceExpiries } from "./expiry";
import { parseCatalogueQuery } from "./catalogue-params";

const databaseUrl = setupTestDatabase();

type Meta = { docNo?: string | null; indexNo?: string | null; topic?: string | null; issuingOrg?: string | null; validity?: "VALID" | "AMENDED" | "REPEALED" | "EXPIRED"; validUntil?: Date | null };
let authorId: number;
let plainColumn: number;
let disclosureColumn: number;

/** A public (or not) article with the metadata on its live revision, as the public reads it. */
async function doc(title: string, meta: Meta, options: { state?: PublicState; columnId?: number; publishedAt?: Date } = {}) {
  const row = await createArticle({ columnId: options.columnId ?? plainColumn, authorId, title, state: options.state, publishedAt: options.publishedAt });
  await db().articleRevision.updateMany({ where: { articleId: row.id }, data: meta });
  return row.id;
}

const day = (offsetDays: number) => new Date(`${formatDate(new Date(Date.now() + offsetDays * 86_400_000))}T00:00:00Z`);
const find = async (query: string) => {
  const page = await listCatalogue(parseCatalogueQuery(new URLSearchParams(query)));
  return { ...page, titles: page.rows.map((r) => r.title) };
};

let ids: Record<string, number>;

beforeAll(async () => {
  authorId = (await createUser("EDITOR")).id;
  plainColumn = (await createColumn()).id;
  disclosureColumn = (await db().column.update({ where: { id: (await createColumn()).id }, data: { reportCategory: "DISCLOSURE" } })).id;
  const at = (iso: string) => new Date(iso);
  ids = {
    plan: await doc("乌海市数字政府建设实施方案", { docNo: "乌府发〔2024〕3号", indexNo: "11150300011527560L/2024-00003", topic: "综合政务", issuingOrg: "乌海市人民政府" }, { publishedAt: at("2024-03-01T02:00:00Z") }),
    old: await doc("乌海市数字政府建设实施方案（2023年）", { docNo: "乌府发〔2023〕7号", indexNo: "11150300011527560L/2023-00007", topic: "综合政务", issuingOrg: "乌海市人民政府", validity: "REPEALED" }, { publishedAt: at("2023-05-01T02:00:00Z") }),
    jobs: await doc("关于做好稳就业工作的通知", { docNo: "乌府办发〔2024〕12号", indexNo: "11150300011527560L/2024-00012", topic: "劳动、人事、监察", issuingOrg: "乌海市人民政府办公室", validUntil: day(-1) }, { publishedAt: at("2024-06-01T02:00:00Z") }),
    // In a 信息公开目录 column without a 发文字号: still a document.
    notice: await doc("乌海市生态环境分区管控方案", { topic: "城乡建设、环境保护", issuingOrg: "乌海市生态环境局" }, { columnId: disclosureColumn, publishedAt: at("2024-09-01T02:00:00Z") }),
    // Not documents, or not public.
    news: await doc("市长调研数字政府建设", {}, { publishedAt: at("2024-04-01T02:00:00Z") }),
    draft: await doc("数字政府草稿", { docNo: "乌府发〔2024〕99号", topic: "综合政务" }, { state: "draft" }),
    withdrawn: await doc("撤回的数字政府文件", { docNo: "乌府发〔2024〕98号", topic: "综合政务" }, { state: "withdrawn" }),
    future: await doc("明天公开的数字政府文件", { docNo: "乌府发〔2024〕97号", topic: "综合政务" }, { state: "future" }),
  };
});

describe("the 政府信息公开目录 query", () => {
  it("lists the public documents only, newest first, with their metadata and validity as read today", async () => {
    const all = await find("");
    expect(all.titles).toEqual(["乌海市生态环境分区管控方案", "关于做好稳就业工作的通知", "乌海市数字政府建设实施方案", "乌海市数字政府建设实施方案（2023年）"]);
    expect(all.total).toBe(4);
    expect(all.rows.find((r) => r.id === ids.jobs)).toMatchObject({ docNo: "乌府办发〔2024〕12号", indexNo: "11150300011527560L/2024-00012", topic: "劳动、人事、监察", issuingOrg: "乌海市人民政府办公室", validity: { state: "EXPIRED" } });
    expect((await newestDocuments(2)).map((r) => r.id)).toEqual([ids.notice, ids.jobs]);
  });

  it("filters by theme, issuing organ, year and validity — 已失效 includes a document past its 有效期至", async () => {
    expect((await find(`topic=${encodeURIComponent("综合政务")}`)).titles).toEqual(["乌海市数字政府建设实施方案", "乌海市数字政府建设实施方案（2023年）"]);
    expect((await find(`org=${encodeURIComponent("乌海市人民政府办公室")}`)).titles).toEqual(["关于做好稳就业工作的通知"]);
    expect((await find("year=2023")).titles).toEqual(["乌海市数字政府建设实施方案（2023年）"]);
    expect((await find("validity=REPEALED")).titles).toEqual(["乌海市数字政府建设实施方案（2023年）"]);
    expect((await find("validity=EXPIRED")).titles).toEqual(["关于做好稳就业工作的通知"]);
    expect((await find("validity=VALID")).titles).toEqual(["乌海市生态环境分区管控方案", "乌海市数字政府建设实施方案"]);
    expect((await find(`topic=${encodeURIComponent("综合政务")}&year=2024&validity=VALID`)).titles).toEqual(["乌海市数字政府建设实施方案"]);
  });

  it("searches a 索引号 or 发文字号 whole or by its beginning (brackets corrected), or words of the title", async () => {
    expect((await find(`q=${encodeURIComponent("乌府办发〔2024〕12号")}`)).titles).toEqual(["关于做好稳就业工作的通知"]);
    expect((await find(`q=${encodeURIComponent("乌府发[2023]")}`)).titles).toEqual(["乌海市数字政府建设实施方案（2023年）"]);
    expect((await find(`q=${encodeURIComponent("11150300011527560L/2024")}`)).titles).toEqual(["关于做好稳就业工作的通知", "乌海市数字政府建设实施方案"]);
    expect((await find(`q=${encodeURIComponent("数字政府 2023年")}`)).titles).toEqual(["乌海市数字政府建设实施方案（2023年）"]);
    // A LIKE wildcard is a character like any other.
    expect((await find("q=%25")).total).toBe(0);
    expect((await find("q=_")).total).toBe(0);
  });

  it("offers the organs and years that have public documents", async () => {
    expect(await catalogueChoices()).toEqual({ orgs: ["乌海市人民政府", "乌海市人民政府办公室", "乌海市生态环境局"], years: [2024, 2023] });
  });

  it("pages by 20, in a stable order", async () => {
    const column = (await createColumn()).id;
    for (let i = 0; i < 23; i++) await doc(`分页测试文件${i}`, { docNo: `分页发〔2020〕${i + 1}号` }, { columnId: column, publishedAt: new Date(Date.UTC(2020, 0, 1 + i)) });
    const first = await find("year=2020");
    const second = await find("year=2020&page=2");
    expect([first.total, first.pageCount, first.rows.length, second.rows.length]).toEqual([23, 2, 20, 3]);
    expect(first.titles[0]).toBe("分页测试文件22");
    expect(second.titles).toEqual(["分页测试文件2", "分页测试文件1", "分页测试文件0"]);
  });
});

describe("the catalogue's pages in the page cache", () => {
  let server: http.Server;
  let base: string;
  let cache: PageCache;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    cache = new PageCache({ maxBytes: 4 * 1024 * 1024, ttlMs: 60_000 });
    const site = createPublicSite({ cache, gate: null });
    server = http.createServer((req, res) => void site(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // As scripts/server.ts does: every instance drops what a change names.
    stop = listenForChanges({ databaseUrl: databaseUrl(), onChange: (change) => cache.drop(change), onReconnect: () => cache.clear() });
  });
  afterAll(async () => {
    await stop();
    await new Promise((resolve) => server.close(resolve));
  });

  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    return { status: res.status, state: res.headers.get("x-gazette-cache"), body: await res.text() };
  };
  const until = async (check: () => Promise<boolean>) => {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > 10_000) throw new Error("the change never reached the cache");
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it("keeps a filtered page under its canonical address, and drops it when a document is published or withdrawn", async () => {
    const theme = `topic=${encodeURIComponent("国防")}`;
    expect((await get(`/zfxxgk?${theme}`)).state).toBe("MISS");
    const hit = await get(`/zfxxgk?utm=x&${theme}&page=1`);
    expect(hit.state).toBe("HIT");
    expect(hit.body).toContain("没有符合条件的文件");

    const column = (await createColumn()).id;
    const editor = await createUser("EDITOR", [column]);
    const reviewer = await createUser("REVIEWER", [column]);
    const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "正文。" }] }] };
    const created = await createThroughEditor(
      articleContentSchema.parse({ title: "关于加强国防教育的通知", columnId: column, bodyJson: body, docNo: "乌府发(2024)30号", topic: "国防", issuingOrg: "乌海市人民政府" }),
      editor,
    );
    const { version } = await db().article.findUniqueOrThrow({ where: { id: created.id } });
    await runTransition({ articleId: created.id, action: "submit", actor: editor });
    await runTransition({ articleId: created.id, action: "approve", actor: reviewer, version });
    await runTransition({ articleId: created.id, action: "publish", actor: reviewer });
    await until(async () => (await get(`/zfxxgk?${theme}`)).body.includes("关于加强国防教育的通知"));
    const listed = await get(`/zfxxgk?${theme}`);
    expect(listed.body).toContain("乌府发〔2024〕30号");
    expect(listed.body).toContain(`href="/articles/${created.id}"`);
    expect(listed.state).toBe("HIT");

    await runTransition({ articleId: created.id, action: "withdraw", actor: reviewer, comment: "文件有误" });
    await until(async () => !(await get(`/zfxxgk?${theme}`)).body.includes("关于加强国防教育的通知"));
  });

  it("drops its pages on every instance when the scheduler announces an expiry", async () => {
    const expiring = await doc("关于临时交通管制的通告", { docNo: "乌府发〔2024〕50号", topic: "公安、安全、司法", validUntil: day(0) });
    const theme = `topic=${encodeURIComponent("公安、安全、司法")}`;
    await get(`/zfxxgk?${theme}`);
    expect((await get(`/zfxxgk?${theme}`)).state).toBe("HIT");
    expect(await announceExpiries()).toContain(expiring);
    await until(async () => (await get(`/zfxxgk?${theme}`)).state === "MISS");
  });

  it("renders a free-text search or an unknown theme for its request only, and the feed escaped", async () => {
    await get("/zfxxgk?q=%E6%96%B9%E6%A1%88");
    expect((await get("/zfxxgk?q=%E6%96%B9%E6%A1%88")).state).toBeNull();
    await get("/zfxxgk?topic=nothing");
    expect((await get("/zfxxgk?topic=nothing")).state).toBeNull();
    expect((await get("/zfxxgk?page=999")).status).toBe(404);

    const injected = await doc("<script>alert(1)</script>方案", { docNo: "乌府发〔2024〕40号" });
    const feed = await get("/zfxxgk/feed.xml");
    expect(feed.status).toBe(200);
    expect(feed.body).toContain(`/articles/${injected}`);
    expect(feed.body).not.toContain("<script>");
    expect(feed.body).toContain("&amp;lt;script&amp;gt;");
  });
});
