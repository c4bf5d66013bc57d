import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { dataDir } from "@/lib/env";
import { createImageMedia } from "@/lib/media/mutations";
import type { RichTextNode } from "@/lib/sanitize/tiptap";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { buildDownload } from "./download";

setupTestDatabase();

// The renderers themselves, counted: a download is rendered once per live content.
vi.mock("./html", async (importOriginal) => {
  const real = await importOriginal<typeof import("./html")>();
  return { ...real, renderArticleHtml: vi.fn(real.renderArticleHtml) };
});
vi.mock("./docx", async (importOriginal) => {
  const real = await importOriginal<typeof import("./docx")>();
  return { ...real, renderArticleDocx: vi.fn(real.renderArticleDocx) };
});
const { renderArticleHtml } = await import("./html");
const { renderArticleDocx } = await import("./docx");
const renders = () => vi.mocked(renderArticleHtml).mock.calls.length + vi.mocked(renderArticleDocx).mock.calls.length;

const text = (value: string, marks?: RichTextNode["marks"]): RichTextNode => ({ type: "text", text: value, marks });
const paragraph = (...content: RichTextNode[]): RichTextNode => ({ type: "paragraph", content });
const heading = (level: number, value: string): RichTextNode => ({ type: "heading", attrs: { level }, content: [text(value)] });

const bytesOf = async (body: ReadableStream<Uint8Array>) => Buffer.from(await new Response(body).arrayBuffer());

let articleId: number;
let withdrawnId: number;

beforeAll(async () => {
  const author = await createUser("EDITOR");
  const column = await createColumn();
  const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#3a7ca5" } }).png().toBuffer();
  const image = await createImageMedia({ data: png, originalName: "图.png", alt: "湖边绿道", uploadedById: author.id });
  const pdf = await db().media.create({
    data: { kind: "ATTACHMENT", storageKey: "files/2023/plan.pdf", originalName: "plan.pdf", mimeType: "application/pdf", size: 123_456, sha256: "x" },
  });
  const doc: RichTextNode = {
    type: "doc",
    content: [
      paragraph(text("第一段，"), text("加粗", [{ type: "bold" }]), text("和"), text("链接", [{ type: "link", attrs: { href: "/articles/1" } }])),
      heading(2, "擦亮生态底色 守护碧水蓝天净土"),
      { type: "image", attrs: { src: image.src, srcset: image.srcset, alt: "湖边绿道", caption: "图为湖边绿道", mediaId: image.id } },
      { type: "image", attrs: { src: "https://example.com/elsewhere.jpg", alt: "外站图片" } },
      heading(3, "深耕社会治理 结出平安硕果"),
      {
        type: "table",
        content: [
          { type: "tableRow", content: [{ type: "tableHeader", content: [paragraph(text("指标"))] }, { type: "tableHeader", content: [paragraph(text("数值"))] }] },
          { type: "tableRow", content: [{ type: "tableCell", content: [paragraph(text("蔬菜产量"))] }, { type: "tableCell", content: [paragraph(text("5500吨"))] }] },
        ],
      },
      { type: "orderedList", content: [{ type: "listItem", content: [paragraph(text("第一项"))] }, { type: "listItem", content: [paragraph(text("第二项"))] }] },
      heading(4, "彰显窗口作用 焕发开放活力"),
    ],
  };
  const article = await createArticle({
    columnId: column.id,
    authorId: author.id,
    title: "乌海:笃行实干 全力推动“五大任务”见行见效",
    titleTags: ["媒体解读"],
    doc,
    attachments: [{ mediaId: pdf.id, name: "实施方案.pdf" }],
  });
  articleId = article.id;
  withdrawnId = (await createArticle({ columnId: column.id, authorId: author.id, state: "withdrawn" })).id;
});

describe("保存 as HTML", () => {
  it("is one self-contained file named after the title", async () => {
    const result = await buildDownload(articleId, "html");
    if (result.kind !== "file") throw new Error(result.kind);
    expect(result.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(decodeURIComponent(result.headers["content-disposition"].split("UTF-8''")[1])).toBe("【媒体解读】乌海 笃行实干 全力推动“五大任务”见行见效.html");
    const html = new TextDecoder().decode(await bytesOf(result.body));
    expect(html).toContain("<title>【媒体解读】乌海:笃行实干 全力推动“五大任务”见行见效</title>");
    expect(html).toContain("default-src 'none'; img-src data:");
    expect(html).toMatch(/<img [^>]*src="data:image\/jpeg;base64,[A-Za-z0-9+/=]{100,}"/);
    expect(html).toContain("图为湖边绿道");
    // Nothing is fetched from anywhere: no site-relative or remote resources remain.
    expect(html).not.toMatch(/<(img|script|link|iframe)\b[^>]*(src|href)="(\/|https?:)/);
    expect(html).not.toContain("srcset");
    expect(html).toContain("［外站图片］");
    // Links still lead to the site when clicked.
    expect(html).toMatch(/href="http[^"]*\/articles\/1"/);
    expect(html).toContain("实施方案.pdf</a>（PDF，121 KB）");
    expect(html).toContain("<h2>擦亮生态底色 守护碧水蓝天净土</h2>");
  });
});

describe("保存 as Word", () => {
  it("holds the title, every heading, the table, the image and the attachments", async () => {
    const result = await buildDownload(articleId, "docx");
    if (result.kind !== "file") throw new Error(result.kind);
    expect(result.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(result.headers["content-disposition"]).toContain(".docx");
    const zip = await JSZip.loadAsync(await bytesOf(result.body));
    const xml = await zip.file("word/document.xml")!.async("string");
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    for (const expected of ["【媒体解读】乌海:笃行实干 全力推动“五大任务”见行见效", "擦亮生态底色 守护碧水蓝天净土", "深耕社会治理 结出平安硕果", "彰显窗口作用 焕发开放活力"]) {
      expect(texts).toContain(expected.replace(/&/g, "&amp;"));
    }
    expect(xml).toContain('w:val="Heading2"');
    expect(xml).toContain('w:val="Heading3"');
    expect(xml).toContain('w:val="Heading4"');
    expect(xml).toContain("<w:tbl>");
    expect(texts).toContain("5500吨");
    expect(texts).toContain("实施方案.pdf");
    expect(texts).toContain("图为湖边绿道");
    expect(Object.values(zip.files).filter((f) => !f.dir && f.name.startsWith("word/media/"))).toHaveLength(1);
    // First-line indent of two characters on body paragraphs.
    expect(xml).toContain('w:firstLine="480"');
  });
});

describe("downloads of articles that are not public", () => {
  it("answer gone for a withdrawn article and not found for an unknown one", async () => {
    expect((await buildDownload(withdrawnId, "docx")).kind).toBe("gone");
    expect((await buildDownload(999_999, "html")).kind).toBe("not-found");
  });
});

describe("downloads are rendered once per live content", () => {
  let id: number;
  let columnId: number;
  let authorId: number;
  beforeAll(async () => {
    authorId = (await createUser("EDITOR")).id;
    columnId = (await createColumn()).id;
    id = (await createArticle({ columnId, authorId, title: "缓存测试" })).id;
  });
  beforeEach(() => {
    vi.mocked(renderArticleHtml).mockClear();
    vi.mocked(renderArticleDocx).mockClear();
  });

  const bytes = async (format: "html" | "docx") => {
    const result = await buildDownload(id, format);
    if (result.kind !== "file") throw new Error(result.kind);
    return bytesOf(result.body);
  };

  it("renders each format once, then serves the same file", async () => {
    const first = await bytes("html");
    const again = await Promise.all([bytes("html"), bytes("html")]);
    expect(renders()).toBe(1);
    for (const copy of again) expect(copy.equals(first)).toBe(true);
    await bytes("docx");
    await bytes("docx");
    expect(renders()).toBe(2);
  });

  it("renders again for a new live revision, and for a renamed site", async () => {
    await bytes("html");
    expect(renders()).toBe(0);
    const live = await db().articleRevision.findFirstOrThrow({ where: { articleId: id } });
    const { id: _id, createdAt: _createdAt, ...copy } = live;
    const next = await db().articleRevision.create({ data: { ...copy, version: 2, title: "缓存测试（修改）", bodyJson: copy.bodyJson as object, attachments: copy.attachments as object } });
    await db().article.update({ where: { id }, data: { liveRevisionId: next.id } });
    expect(new TextDecoder().decode(await bytes("html"))).toContain("缓存测试（修改）");
    expect(renders()).toBe(1);
    await bytes("html");
    expect(renders()).toBe(1);

    const before = await db().siteSettings.findUnique({ where: { id: 1 } });
    await db().siteSettings.upsert({ where: { id: 1 }, create: { id: 1, siteName: "改名后的网站" }, update: { siteName: "改名后的网站" } });
    try {
      expect(new TextDecoder().decode(await bytes("html"))).toContain("改名后的网站");
      expect(renders()).toBe(2);
    } finally {
      if (before) await db().siteSettings.update({ where: { id: 1 }, data: { siteName: before.siteName } });
      else await db().siteSettings.delete({ where: { id: 1 } });
    }
  });

  it("keeps no file of an article once it is withdrawn", async () => {
    await bytes("docx");
    const folder = path.dirname((await fs.promises.readdir(dataDir("cache", "downloads"), { recursive: true })).map(String).find((f) => f.endsWith(".docx") && f.includes(`/${id}/`))!);
    expect(fs.existsSync(dataDir("cache", "downloads", folder))).toBe(true);
    await db().article.update({ where: { id }, data: { status: "WITHDRAWN", live: false, withdrawnAt: new Date(), withdrawnReason: "信息有误" } });
    expect((await buildDownload(id, "docx")).kind).toBe("gone");
    expect(fs.existsSync(dataDir("cache", "downloads", folder))).toBe(false);
  });
});
