import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { TAGS } from "@/lib/cache/tags";
import { db } from "@/lib/db/client";
import { createImageMedia } from "@/lib/media/mutations";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { EARLY_PREFS_SCRIPT } from "@/lib/security/reader-prefs.mjs";
import { loadSiteFrame, renderNotFound, renderPublicRoute, type RenderContext, type RenderedPage } from "./render";
import { matchPublicRoute } from "./routes";

setupTestDatabase();

const SITE = "乌海市人民政府";
const TITLE = "乌海市召开全市生态环境保护大会";

let columnId: number;
let columnSlug: string;
let articleId: number;
let withdrawnId: number;

beforeAll(async () => {
  await db().siteSettings.upsert({ where: { id: 1 }, update: { siteName: SITE }, create: { id: 1, siteName: SITE } });
  const author = await createUser("EDITOR");
  const column = await createColumn();
  columnId = column.id;
  columnSlug = column.slug;
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3a7ca5" } }).png().toBuffer();
  const image = await createImageMedia({ data: png, originalName: "图.png", alt: "湖边绿道", uploadedById: author.id });
  const doc = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "黄河流域生态保护和高质量发展。<script>alert(1)</script>" }] },
      { type: "image", attrs: { src: image.src, srcset: image.srcset, alt: "湖边绿道", mediaId: image.id } },
    ],
  };
  articleId = (await createArticle({ columnId, authorId: author.id, title: TITLE, titleTags: ["五大任务"], headline: true, doc })).id;
  for (let i = 0; i < 3; i++) await createArticle({ columnId, authorId: author.id, title: `湿地公园开放通知${i}` });
  withdrawnId = (await createArticle({ columnId, authorId: author.id, state: "withdrawn" })).id;
});

function context(query = ""): RenderContext {
  let frame: ReturnType<typeof loadSiteFrame> | undefined;
  return { query: new URLSearchParams(query), frame: () => (frame ??= loadSiteFrame()) };
}

async function render(path: string, query = ""): Promise<RenderedPage & { text: string }> {
  const match = matchPublicRoute(path);
  const page = match ? await renderPublicRoute(match, context(query)) : await renderNotFound(context(query));
  const { body } = page;
  const text = typeof body === "string" ? body : body instanceof Uint8Array ? Buffer.from(body).toString("utf8") : await new Response(body).text();
  return { ...page, text };
}

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe("renderPublicRoute", () => {
  it("renders an article page as one plain document with its metadata and tags", async () => {
    const page = await render(`/articles/${articleId}`);
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    const html = page.text;
    if (process.env.SHOW_HTML) console.log(html);
    expect(html.startsWith('<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>')).toBe(true);
    expect(html).toContain(`<title>【五大任务】${TITLE} - ${SITE}</title>`);
    expect(html).toContain(`<meta property="og:title" content="【五大任务】${TITLE}"/>`);
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="https?://[^"]+/articles/${articleId}"/>`));
    expect(html).toMatch(/<meta name="description" content="摘要"\/>/);
    expect(html).toMatch(/<meta property="og:image" content="https?:\/\/[^"]+\/media\/[^"]+"\/>/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    // The body's text is escaped; the JSON-LD is data whose "<" cannot close its tag.
    expect(html).not.toContain("<script>alert(1)</script>");
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(html);
    expect(JSON.parse(ld![1])).toMatchObject({ "@type": "NewsArticle", headline: `【五大任务】${TITLE}`, publisher: { name: SITE } });
    // One style sheet; two scripts besides the JSON-LD: the preferences snippet and the site script.
    expect(count(html, /<link rel="stylesheet"/g)).toBe(1);
    expect(html).toMatch(/<link rel="stylesheet" href="\/site\.css(\?v=[0-9a-f]{12})?"\/>/);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !attrs.includes("application/ld+json"));
    expect(scripts).toHaveLength(2);
    expect(scripts[0][2]).toBe(EARLY_PREFS_SCRIPT);
    expect(scripts[1][1]).toMatch(/^ src="\/site\.js(\?v=[0-9a-f]{12})?" defer=""$/);
    // The site's frame, as the layout drew it; the print block with its QR code.
    expect(html).toContain('<div class="site-root"><a class="skip-link" href="#main">');
    expect(html).toContain('<main id="main" class="site-main" tabindex="-1">');
    expect(html).toContain('<span class="print-qr" role="img"');
    expect(html).toContain("<svg");
    expect(html).not.toContain("data-http-status");
    expect(html).not.toContain("/_next/");
    expect(page.tags).toEqual(expect.arrayContaining([TAGS.settings, TAGS.columns, TAGS.article(articleId), TAGS.column(columnId), TAGS.titleTag("五大任务")]));
  });

  it("answers a withdrawn article with 410 and its notice, an unknown one with the 404 page", async () => {
    const gone = await render(`/articles/${withdrawnId}`);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain("该信息已撤回");
    expect(gone.text).toMatch(/已于 \d{4}-\d{2}-\d{2} 撤回/);
    expect(gone.text).toContain(`<title>该信息已撤回 - ${SITE}</title>`);
    const missing = await render("/articles/999999");
    expect(missing.status).toBe(404);
    expect(missing.tags).toEqual([]);
    expect(missing.text).toContain(`<title>页面不存在 - ${SITE}</title>`);
    expect(missing.text).toContain('<meta name="robots" content="noindex"/>');
    expect(missing.text).toContain('class="sheet not-found"');
  });

  it("renders a column's listing, 404 past its last page, and sends page 1 to the column's address", async () => {
    const column = await render(`/columns/${columnSlug}`);
    expect(column.status).toBe(200);
    expect(column.text).toContain(TITLE);
    expect(column.text).toContain(`href="/columns/${columnSlug}/feed.xml"`);
    expect(column.tags).toEqual(expect.arrayContaining([TAGS.column(columnId), TAGS.settings, TAGS.columns]));
    const past = await render(`/columns/${columnSlug}/page/2`);
    expect(past.status).toBe(404);
    expect(past.tags).toEqual([]);
    expect((await render("/columns/no-such-column")).status).toBe(404);
    const first = await render(`/columns/${columnSlug}/page/1`);
    expect(first.status).toBe(308);
    expect(first.headers.location).toBe(`/columns/${columnSlug}`);
  });

  it("renders the home page with the headlines under the site name", async () => {
    const home = await render("/");
    expect(home.status).toBe(200);
    expect(home.text).toContain(`<title>${SITE}</title>`);
    expect(home.text).toContain(TITLE);
    expect(home.tags).toEqual(expect.arrayContaining([TAGS.articles, TAGS.settings, TAGS.columns]));
  });

  it("renders the site map page and the 404 page for unknown addresses", async () => {
    const map = await render("/sitemap");
    expect(map.status).toBe(200);
    expect(map.text).toContain('class="sheet sitemap-page"');
    const unknown = await renderNotFound(context());
    expect(unknown.status).toBe(404);
    expect(unknown.tags).toEqual([]);
  });

  it("renders search results for ?q=, with the tags every article change drops them by", async () => {
    const search = await render("/search", "q=湿地公园");
    expect(search.status).toBe(200);
    expect(search.text).toContain("湿地公园");
    expect(search.text).toContain('class="search-summary"');
    expect(search.text).toContain('<meta name="robots" content="noindex, follow"/>');
    expect(search.tags).toEqual(["settings", "columns", "articles"]);
  });

  it("answers the feeds and sitemaps as XML, and Not found for what they lack", async () => {
    const feed = await render("/feed.xml");
    expect(feed.status).toBe(200);
    expect(feed.headers["content-type"]).toContain("application/rss+xml");
    expect(feed.text).toContain(`<title>【五大任务】${TITLE}</title>`);
    const columnFeed = await render(`/columns/${columnSlug}/feed.xml`);
    expect(columnFeed.status).toBe(200);
    expect((await render("/columns/no-such-column/feed.xml")).text).toBe("Not found");
    const sitemap = await render("/sitemap.xml");
    expect(sitemap.headers["content-type"]).toContain("application/xml");
    expect(sitemap.text).toContain(`/articles/${articleId}`);
    const part = await render("/sitemaps/9.xml");
    expect(part.status).toBe(404);
    expect(part.headers["content-type"]).toBe("text/plain; charset=utf-8");
  });

  it("serves downloads by format, and 400 for an unknown one", async () => {
    expect((await render(`/articles/${articleId}/download`, "format=bogus")).status).toBe(400);
    const file = await render(`/articles/${articleId}/download`, "format=html");
    expect(file.status).toBe(200);
    expect(file.headers["content-disposition"]).toContain("attachment");
    expect(file.text).toContain(TITLE);
    expect((await render(`/articles/${withdrawnId}/download`, "format=html")).status).toBe(410);
  });

  it("takes the settings and the column tree from the context's frame, read once", async () => {
    const real = await loadSiteFrame();
    let reads = 0;
    const frame = { settings: { ...real.settings, siteName: "缓存的站点名" }, columns: [] };
    const ctx = (query = ""): RenderContext => ({ query: new URLSearchParams(query), frame: async () => (reads++, frame) });
    const bodyOf = async (path: string, query = "") => (await renderPublicRoute(matchPublicRoute(path)!, ctx(query))).body as string;
    const article = await bodyOf(`/articles/${articleId}`);
    expect(article).toContain(`- 缓存的站点名</title>`);
    expect(article).toContain('"publisher":{"@type":"GovernmentOrganization","name":"缓存的站点名"');
    // The frame's (empty) column tree is the navigation, not the database's.
    expect(article).toContain('<nav class="site-nav" aria-label="栏目导航"><ul class="container"><li><a href="/">首页</a></li></ul></nav>');
    expect(await bodyOf("/feed.xml")).toContain("<title>缓存的站点名</title>");
    const search = await bodyOf("/search", "q=湿地");
    expect(search).toContain("<p class=\"search-summary\">");
    expect(search).not.toContain(`<option value="${columnSlug}">`);
    expect(reads).toBeGreaterThan(0);
  });

  it("does not render the site's files", async () => {
    await expect(renderPublicRoute(matchPublicRoute("/site.js")!, context())).rejects.toThrow();
  });
});
