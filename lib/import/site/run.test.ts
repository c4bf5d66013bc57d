import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PageCache } from "@/lib/cache/page-cache";
import { db } from "@/lib/db/client";
import { redirectCsvChunks } from "@/lib/redirects/csv";
import { writeNginxRedirects } from "@/lib/redirects/nginx";
import { countBrokenRedirects, listRedirects } from "@/lib/redirects/queries";
import { createPublicSite } from "@/lib/server/public-site";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { send, startImageServer, type ImageServer } from "@/test/image-server";
import { createAssetReader } from "./assets";
import { ColumnResolver } from "./columns";
import type { SourceEntry } from "./item";
import { runImport, type ImportActor } from "./run";
import { openHtmlSite } from "./html/source";
import { openWordPressExport } from "./wordpress";

/**
 * A whole WordPress import on a real database, its pictures and attachment fetched
 * from a local server standing for the old site; then the re-runs, a failing item, and
 * the old addresses answered by the app server.
 */
setupTestDatabase();

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const picture = fs.readFileSync(path.join(FIXTURES, "shifanyuan.png"));
const pdf = fs.readFileSync(path.join(FIXTURES, "shishi-fangan.pdf"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-import-"));

let oldSite: ImageServer;
let actor: ImportActor;
let news: { id: number; slug: string };
let parent: { id: number; slug: string };
let exportFile: string;

function writeExport(transform: (xml: string) => string = (x) => x): string {
  const xml = fs.readFileSync(path.join(FIXTURES, "wordpress-export.xml"), "utf8").replaceAll("http://old.example.gov.cn", oldSite.origin);
  const file = path.join(tmp, `export-${Math.random().toString(36).slice(2)}.xml`);
  fs.writeFileSync(file, transform(xml));
  return file;
}

async function importFile(file: string, extra: { asDrafts?: boolean; dryRun?: boolean } = {}) {
  const wp = await openWordPressExport(file, { pages: false, timeZone: "Asia/Shanghai" });
  const columns = new ColumnResolver({ map: { news: news.slug }, createUnder: parent.slug, fallback: null }, wp.channel.categories, actor, !!extra.dryRun);
  return runImport(wp.entries, {
    kind: "wordpress",
    source: `wordpress:${wp.siteUrl}`,
    input: file,
    actor,
    asDrafts: !!extra.asDrafts,
    dryRun: !!extra.dryRun,
    assets: createAssetReader({ trustedOrigins: [wp.siteUrl] }),
    columns,
  });
}

/** The articles of the fixture's posts 101 (published), 102 (draft) and 104 (new category), by their source keys. */
async function imported() {
  const keys = ["post:101", "post:102", "post:104"];
  const records = await db().importedItem.findMany({ where: { key: { in: keys } }, select: { key: true, articleId: true } });
  const articles = await db().article.findMany({ where: { id: { in: records.map((r) => r.articleId!) } }, include: { attachments: true } });
  return keys.map((key) => articles.find((a) => a.id === records.find((r) => r.key === key)?.articleId)!);
}

beforeAll(async () => {
  oldSite = await startImageServer({
    "/wp-content/uploads/2023/07/shifanyuan.png": send(picture, "image/png"),
    "/wp-content/uploads/2023/07/shishi-fangan.pdf": send(pdf, "application/pdf"),
  });
  const admin = await createUser("ADMIN");
  actor = { id: admin.id, email: admin.email, role: "ADMIN", columnIds: [] };
  news = await createColumn();
  parent = await createColumn();
  exportFile = writeExport();
});

afterAll(async () => {
  await oldSite.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("a WordPress import", () => {
  it("imports posts with their pictures, attachment, dates, columns and old addresses; drafts stay drafts", async () => {
    const report = await importFile(exportFile);
    expect(report).toMatchObject({ imported: 3, updated: 0, skipped: 0, failed: 0, attachments: 1, redirects: 2 });
    // The picture missing on the old site is reported with its post, which is imported without it.
    expect(report.problems).toEqual([expect.objectContaining({ item: expect.stringContaining("关于印发实施细则的通知"), problem: expect.stringContaining("missing.jpg"), failed: false })]);

    const [post, draft, policy] = await imported();
    expect(post).toMatchObject({ title: "乌海：笃行实干 奋勇争先 全力推动“五大任务”见行见效", status: "PUBLISHED", live: true, author: "市政府办公室", columnId: news.id, summary: "我市全力推动“五大任务”见行见效。" });
    expect(post.publishedAt?.toISOString()).toBe("2023-07-30T10:04:25.000Z");
    expect(post.bodyHtml).toMatch(/<img src="\/media\/images\/[^"]+" alt="十七公里水土保持综合治理示范园"[^>]* data-media-id="\d+"/);
    expect(post.bodyHtml).toMatch(/href="\/media\/files\/[^"]+\.pdf">实施方案</);
    expect(post.bodyHtml).not.toContain(oldSite.origin);
    expect(post.coverId).not.toBeNull();
    expect(post.attachments).toEqual([expect.objectContaining({ name: "实施方案" })]);
    expect(draft).toMatchObject({ status: "DRAFT", live: false, liveRevisionId: null });
    // Created under the parent for the category nobody mapped, named like it.
    const created = await db().column.findUniqueOrThrow({ where: { id: policy.columnId } });
    expect(created).toMatchObject({ name: "政策文件", parentId: parent.id });
    expect(oldSite.requests.map((r) => r.path)).toContain("/wp-content/uploads/2023/07/shifanyuan.png");

    // Live at once for readers: the search index (kept by the database's trigger) has it.
    const search = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "ArticleSearch" WHERE "articleId" = ${post.id} AND "isPublic"`;
    expect(search[0].n).toBe(1);
    // One audit entry for the run, by the administrator.
    const entries = await db().auditEntry.findMany({ where: { action: "import.site" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: actor.id, detail: expect.objectContaining({ imported: 3, failed: 0 }) });
    const redirects = await db().redirect.findMany({ orderBy: { path: "asc" } });
    expect(redirects.map((r) => [r.path, r.articleId])).toEqual([
      ["/2023/06/01/%E5%AE%9E%E6%96%BD%E7%BB%86%E5%88%99", policy.id],
      ["/2023/07/30/wudarenwu", post.id],
    ]);
  });

  it("skips what did not change on a re-run and updates what did, without duplicates", async () => {
    const before = await imported();
    const media = await db().media.count();
    const again = await importFile(exportFile);
    expect(again).toMatchObject({ imported: 0, updated: 0, skipped: 3, failed: 0 });
    expect(await db().media.count()).toBe(media);

    const edited = writeExport((xml) => xml.replace("走进市十七公里水土保持综合治理示范园", "走进修改后的示范园"));
    const updated = await importFile(edited);
    expect(updated).toMatchObject({ imported: 0, updated: 1, skipped: 2 });
    const after = await imported();
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    expect(after[0].version).toBe(2);
    expect(after[0].bodyText).toContain("走进修改后的示范园");
    expect(after[0].live).toBe(true);
    // The same picture is the same media item: nothing new in the library.
    expect(await db().media.count()).toBe(media);
  });

  it("leaves nothing behind for an item that fails, and goes on with the others", async () => {
    const files = () => (fs.existsSync(process.env.MEDIA_DIR!) ? fs.readdirSync(process.env.MEDIA_DIR!, { recursive: true }).filter((f) => /\.(jpg|webp)$/.test(String(f))).length : 0);
    const stored = files();
    const media = await db().media.count();
    const articles = await db().article.count();
    const item = (key: string, publishedAt: Date | null) => ({
      key,
      oldUrl: `${oldSite.origin}/${key}/`,
      otherUrls: [],
      title: `条目 ${key}`,
      bodyHtml: `<p>正文</p><p><img src="${oldSite.origin}/new-picture.png" alt="新图"></p>`,
      publishedAt,
      author: "",
      source: "",
      summary: "",
      categories: ["news"],
      status: "publish" as const,
      attachmentUrls: [],
      coverUrl: null,
    });
    const other = fs.readFileSync(path.join(FIXTURES, "static-site", "images", "fangxun.png"));
    const server = await startImageServer({ "/new-picture.png": send(other, "image/png") });
    try {
      async function* entries(): AsyncGenerator<SourceEntry> {
        yield { item: { ...item("bad-date", new Date(Number.NaN)), bodyHtml: `<p>正文</p><p><img src="${server.origin}/new-picture.png" alt="新图"></p>` } };
        yield { problem: "XML 格式错误（第 9 行）", item: "坏条目" };
      }
      const columns = new ColumnResolver({ map: { news: news.slug }, createUnder: null, fallback: null }, new Map(), actor, false);
      const report = await runImport(entries(), { kind: "wordpress", source: "wordpress:test", input: "test", actor, asDrafts: false, dryRun: false, assets: createAssetReader({ trustedOrigins: [server.origin] }), columns });
      expect(report).toMatchObject({ imported: 0, failed: 2 });
      expect(report.problems).toHaveLength(2);
      expect(report.problems.map((p) => p.item)).toEqual(expect.arrayContaining([expect.stringContaining("条目 bad-date"), "坏条目"]));
      expect(server.requests.map((r) => r.path)).toEqual(["/new-picture.png"]);
    } finally {
      await server.close();
    }
    expect(await db().media.count()).toBe(media);
    expect(files()).toBe(stored);
    expect(await db().article.count()).toBe(articles);
    expect(await db().importedItem.count({ where: { key: "bad-date" } })).toBe(0);
  });

  it("writes nothing in a dry run", async () => {
    const counts = async () => [await db().article.count(), await db().media.count(), await db().column.count(), await db().redirect.count()];
    const before = await counts();
    const report = await importFile(writeExport((xml) => xml.replaceAll("<wp:post_id>10", "<wp:post_id>90")), { dryRun: true });
    expect(report).toMatchObject({ imported: 3, failed: 0 });
    expect(await counts()).toEqual(before);
  });
});

describe("old addresses", () => {
  let base: string;
  let server: http.Server;
  beforeAll(async () => {
    const cache = new PageCache({ maxBytes: 4 * 1024 * 1024, ttlMs: 60_000 });
    const site = createPublicSite({ cache, gate: null });
    server = http.createServer((req, res) => void site(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("answer 301 to the article, with a trailing slash or not, as a directory index, with any query", async () => {
    const [post, , policy] = await imported();
    for (const variant of ["/2023/07/30/wudarenwu/", "/2023/07/30/wudarenwu", "/2023/07/30/wudarenwu/index.html", "/2023/07/30/wudarenwu/?from=weixin"]) {
      const response = await fetch(`${base}${variant}`, { redirect: "manual" });
      expect(response.status, variant).toBe(301);
      expect(response.headers.get("location"), variant).toBe(`/articles/${post.id}`);
    }
    const chinese = await fetch(`${base}/2023/06/01/${encodeURIComponent("实施细则")}/`, { redirect: "manual" });
    expect(chinese.headers.get("location")).toBe(`/articles/${policy.id}`);
    const lower = await fetch(`${base}/2023/06/01/%e5%ae%9e%e6%96%bd%e7%bb%86%e5%88%99`, { redirect: "manual" });
    expect(lower.headers.get("location")).toBe(`/articles/${policy.id}`);
  });

  it("leave every other address to the 404 page, and the landing page shows the picture", async () => {
    expect((await fetch(`${base}/2023/07/30/unknown/`, { redirect: "manual" })).status).toBe(404);
    const [post] = await imported();
    const page = await fetch(`${base}/articles/${post.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<img src="\/media\/images\//);
  });

  it("are listed with search, checked for targets readers cannot see, and exported as CSV", async () => {
    const [post] = await imported();
    const found = await listRedirects({ q: "wudarenwu", page: 1 });
    expect(found).toMatchObject({ total: 1, rows: [expect.objectContaining({ articleId: post.id, live: true })] });
    expect(await countBrokenRedirects()).toEqual({ total: 2, broken: 0 });
    await db().article.update({ where: { id: post.id }, data: { live: false, withdrawnAt: new Date(), withdrawnReason: "测试" } });
    try {
      expect(await countBrokenRedirects()).toEqual({ total: 2, broken: 1 });
      expect((await listRedirects({ page: 1, onlyBroken: true })).rows.map((r) => r.articleId)).toEqual([post.id]);
    } finally {
      await db().article.update({ where: { id: post.id }, data: { live: true, withdrawnAt: null, withdrawnReason: null } });
    }
    let csv = "";
    for await (const chunk of redirectCsvChunks()) csv += chunk;
    expect(csv.startsWith("\uFEFF旧网址,")).toBe(true);
    expect(csv).toContain(`${oldSite.origin}/2023/07/30/wudarenwu/,/2023/07/30/wudarenwu,/articles/${post.id},${post.id},`);
  });

  it("are written for nginx, decoded and encoded, with the slash and index variants", async () => {
    const [post, , policy] = await imported();
    const root = fs.mkdtempSync(path.join(tmp, "static-"));
    const conf = fs.readFileSync(await writeNginxRedirects(root), "utf8");
    expect(conf).toContain(`location = "/2023/07/30/wudarenwu/" { return 301 /articles/${post.id}; }`);
    expect(conf).toContain(`location = "/2023/07/30/wudarenwu/index.html" { return 301 /articles/${post.id}; }`);
    expect(conf).toContain(`location = "/2023/06/01/实施细则" { return 301 /articles/${policy.id}; }`);
    expect(new Set(conf.split("\n").filter(Boolean)).size).toBe(conf.split("\n").filter(Boolean).length);
  });
});

describe("a static site import", () => {
  it("imports the pages that match a preset, pictures and attachments from the folder, and reports the one that does not", async () => {
    const site = await openHtmlSite({ input: path.join(FIXTURES, "static-site"), baseUrl: "https://www.wuhai.gov.cn", selectors: null, column: news.slug, status: "publish", timeZone: "Asia/Shanghai" });
    expect(site.total).toBe(4);
    const columns = new ColumnResolver({ map: {}, createUnder: null, fallback: news.slug }, new Map(), actor, false);
    const assets = createAssetReader({ trustedOrigins: site.origins, localCopies: [{ origin: site.origins[0], urlPrefix: "/", dir: site.folder! }] });
    const report = await runImport(site.entries, { kind: "html", source: site.sourceId, input: "static-site", actor, asDrafts: true, dryRun: false, assets, columns });
    expect(report).toMatchObject({ imported: 3, failed: 1, pictures: 3, attachments: 1, redirects: 3 });
    expect(report.problems).toEqual([expect.objectContaining({ item: "https://www.wuhai.gov.cn/zwgk/no-body.html", failed: true })]);
    const redirect = await db().redirect.findUniqueOrThrow({ where: { path: "/art/2023/7/30/art_123_456.html" }, include: { article: true } });
    // --as-drafts: waiting for review, with the page's own date and fields.
    expect(redirect.article).toMatchObject({ title: "关于做好防汛工作的通知", status: "DRAFT", live: false, author: "市水务局", source: "市防汛办", columnId: news.id });
    expect(redirect.article.bodyHtml).toMatch(/<img src="\/media\/images\//);
    expect(redirect.article.bodyHtml).not.toMatch(/打印|关闭|版权所有/);
  });
});
