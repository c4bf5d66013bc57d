import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/errors";
import { setupTestDatabase } from "@/test/db";
import { createArticle as createFixture } from "@/test/public-articles";
import { createArticle } from "@/lib/articles/mutations";
import { articleContentSchema } from "@/lib/articles/schema";
import { db } from "@/lib/db/client";
import type { RichTextNode } from "@/lib/sanitize/tiptap-schema";
import { runTransition } from "@/lib/workflow/mutations";
import type { MediaViewer } from "./access";
import { listMediaLibrary } from "./library";
import { PRIVATE_MEDIA_CACHE, PUBLIC_MEDIA_CACHE, serveMedia } from "./serve";
import { storeUpload, uploadInputSchema, type Uploader } from "./upload";

setupTestDatabase();

type Who = Uploader & MediaViewer;
let news: number, notices: number;
let editor: Who, reviewer: Who, outsider: Who, admin: Who;

async function user(role: "EDITOR" | "REVIEWER" | "ADMIN", columnIds: number[]): Promise<Who> {
  const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@test.local`;
  const u = await db().user.create({ data: { email, name: email, passwordHash: "x", role, columns: { create: columnIds.map((columnId) => ({ columnId })) } } });
  return { id: u.id, email, role, columnIds };
}

beforeAll(async () => {
  news = (await db().column.create({ data: { name: "工作动态", slug: "news" } })).id;
  notices = (await db().column.create({ data: { name: "通知公告", slug: "notices" } })).id;
  editor = await user("EDITOR", [news]);
  reviewer = await user("REVIEWER", [news]);
  outsider = await user("EDITOR", [notices]);
  admin = await user("ADMIN", []);
});

let colour = 0;
async function uploadImage(by: Who) {
  const data = await sharp({ create: { width: 1200, height: 600, channels: 3, background: { r: 10, g: 20, b: colour++ } } }).png().toBuffer();
  const image = await storeUpload(uploadInputSchema.parse({ purpose: "image", name: "现场.png", data }), by);
  if (image.kind !== "image") throw new Error("expected an image");
  return image;
}

async function uploadPdf(by: Who, text = "通知", data = new TextEncoder().encode(`%PDF-1.7\n${text} ${Math.random()}\n`)) {
  const file = await storeUpload(uploadInputSchema.parse({ purpose: "attachment", name: "通知.pdf", data }), by);
  if (file.kind !== "attachment") throw new Error("expected an attachment");
  return file;
}

const keyOf = (url: string) => url.replace(/^\/media\//, "");
const keysOf = (image: { src: string; srcset: string }) => [image.src, ...image.srcset.split(", ").map((s) => s.split(" ")[0])].map(keyOf);

async function fetchAs(url: string, who: Who | null) {
  const response = await serveMedia(keyOf(url), async () => who);
  return { status: response.status, cache: response.headers.get("cache-control") };
}

const figure = (image: { src: string; srcset: string; id?: number }, mediaId: number | null = image.id ?? null): RichTextNode => ({
  type: "image",
  attrs: { src: image.src, srcset: image.srcset || null, alt: "现场", caption: "", mediaId },
});

describe("a draft's media, through publication and withdrawal", () => {
  let attachment: Awaited<ReturnType<typeof uploadPdf>>;
  let cover: Awaited<ReturnType<typeof uploadImage>>;
  let picture: Awaited<ReturnType<typeof uploadImage>>;
  let articleId: number;

  beforeAll(async () => {
    attachment = await uploadPdf(editor);
    cover = await uploadImage(editor);
    picture = await uploadImage(editor);
    const input = articleContentSchema.parse({
      title: "关于开展安全检查的通知",
      columnId: news,
      bodyJson: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "正文。" }] }, figure(picture)] },
      coverId: cover.id,
      attachments: [{ mediaId: attachment.id, name: "通知" }],
    });
    articleId = (await createArticle(input, editor)).id;
  });

  it("does not exist for the public while the article is a draft", async () => {
    for (const url of [attachment.href, cover.src, ...keysOf(picture)]) {
      expect(await fetchAs(url, null)).toEqual({ status: 404, cache: PRIVATE_MEDIA_CACHE });
    }
  });

  it("is served, uncached, to staff who may see the article, and to admins", async () => {
    for (const who of [editor, reviewer, admin]) {
      expect(await fetchAs(attachment.href, who)).toEqual({ status: 200, cache: PRIVATE_MEDIA_CACHE });
      expect(await fetchAs(picture.src, who)).toEqual({ status: 200, cache: PRIVATE_MEDIA_CACHE });
    }
    // Another column's editor may not see the article: for them it does not exist either.
    expect((await fetchAs(attachment.href, outsider)).status).toBe(404);
    expect((await fetchAs(cover.src, outsider)).status).toBe(404);
  });

  it("is public, cached as immutable, once the article is published — every rendition", async () => {
    await runTransition({ articleId, action: "submit", actor: editor });
    const { version } = await db().article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true } });
    await runTransition({ articleId, action: "approve", actor: reviewer, version });
    expect((await fetchAs(attachment.href, null)).status).toBe(404);
    await runTransition({ articleId, action: "publish", actor: reviewer });
    for (const url of [attachment.href, ...keysOf(cover), ...keysOf(picture)]) {
      expect(await fetchAs(url, null)).toEqual({ status: 200, cache: PUBLIC_MEDIA_CACHE });
    }
    const response = await serveMedia(keyOf(attachment.href), async () => null);
    expect(response.headers.get("content-disposition")).toBe("attachment");
    expect(new TextDecoder().decode(await response.arrayBuffer())).toMatch(/^%PDF-1\.7/);
  });

  it("is gone for the public again once the article is withdrawn, and still there for its staff", async () => {
    await runTransition({ articleId, action: "withdraw", actor: reviewer, comment: "信息有误" });
    for (const url of [attachment.href, cover.src, picture.src]) {
      expect(await fetchAs(url, null)).toEqual({ status: 404, cache: PRIVATE_MEDIA_CACHE });
    }
    expect(await fetchAs(attachment.href, editor)).toEqual({ status: 200, cache: PRIVATE_MEDIA_CACHE });
  });
});

describe("what makes a file public", () => {
  it("a live article with a 公开日期 to come is not public yet", async () => {
    const file = await uploadPdf(editor, "明日");
    await createFixture({ columnId: news, authorId: editor.id, state: "future", attachments: [{ mediaId: file.id, name: "明日" }] });
    expect((await fetchAs(file.href, null)).status).toBe(404);
  });

  it("a picture the live body links by its address only (pasted from another article) is public, and staff see it", async () => {
    const image = await uploadImage(admin);
    const doc: RichTextNode = { type: "doc", content: [figure({ src: image.src, srcset: "" }, null)] };
    await createFixture({ columnId: news, authorId: editor.id, state: "draft", doc });
    expect((await fetchAs(image.src, null)).status).toBe(404);
    // Its renditions are the same picture: the column's staff may see them all.
    expect((await fetchAs(keysOf(image)[1], reviewer)).status).toBe(200);
    await createFixture({ columnId: news, authorId: editor.id, state: "published", doc });
    expect(await fetchAs(image.src, null)).toEqual({ status: 200, cache: PUBLIC_MEDIA_CACHE });
  });

  it("the site logo is public while it is the logo", async () => {
    const logo = await uploadImage(admin);
    await db().siteSettings.upsert({ where: { id: 1 }, create: { id: 1, siteName: "测试", logoId: logo.id }, update: { logoId: logo.id } });
    for (const url of keysOf(logo)) expect((await fetchAs(url, null)).status).toBe(200);
    await db().siteSettings.update({ where: { id: 1 }, data: { logoId: null } });
    expect((await fetchAs(logo.src, null)).status).toBe(404);
  });

  it("a file nobody uses is served to its uploader and admins only; unsafe keys to nobody", async () => {
    const file = await uploadPdf(outsider, "未用");
    expect((await fetchAs(file.href, outsider)).status).toBe(200);
    expect((await fetchAs(file.href, admin)).status).toBe(200);
    expect((await fetchAs(file.href, editor)).status).toBe(404);
    expect((await fetchAs(file.href, null)).status).toBe(404);
    expect((await fetchAs("/media/../nextauth-secret", admin)).status).toBe(404);
  });
});

describe("a media id is a guessable number: it grants nothing", () => {
  it("a cover or attachment picked by the id of another column's draft file is refused", async () => {
    const secretImage = await uploadImage(editor);
    const secretFile = await uploadPdf(editor, "内部");
    const attempt = (extra: object) =>
      createArticle(articleContentSchema.parse({ title: "借用", columnId: notices, bodyJson: { type: "doc", content: [{ type: "paragraph" }] }, ...extra }), outsider);
    await expect(attempt({ coverId: secretImage.id })).rejects.toThrow(ActionError);
    await expect(attempt({ attachments: [{ mediaId: secretFile.id, name: "借用" }] })).rejects.toThrow(/附件已不存在/);
    expect((await fetchAs(secretFile.href, outsider)).status).toBe(404);
  });

  it("a body picture's data-media-id does not make that media public: only what the page shows is", async () => {
    const shown = await uploadImage(outsider);
    const secret = await uploadImage(editor);
    const doc: RichTextNode = { type: "doc", content: [figure(shown, secret.id)] };
    await createFixture({ columnId: notices, authorId: outsider.id, state: "published", doc });
    expect((await fetchAs(shown.src, null)).status).toBe(200);
    expect((await fetchAs(secret.src, null)).status).toBe(404);
    expect((await fetchAs(secret.src, outsider)).status).toBe(404);
  });

  it("uploading the same bytes as another column's draft file gives a copy, not its address", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\n同一文件\n");
    const original = await uploadPdf(editor, "", bytes);
    const copy = await uploadPdf(outsider, "", bytes);
    expect(copy.href).not.toBe(original.href);
    expect((await uploadPdf(editor, "", bytes)).href).toBe(original.href);
  });
});

describe("the media library", () => {
  it("lists to editors and reviewers what they uploaded and what their columns' articles use; to admins everything", async () => {
    const mine = await uploadPdf(outsider, "我的");
    const used = await uploadImage(admin);
    const unused = await uploadImage(admin);
    await createFixture({ columnId: notices, authorId: admin.id, state: "draft", doc: { type: "doc", content: [figure(used)] } });
    const ids = async (who: Who) => (await listMediaLibrary(who, { pageSize: 100 })).items.map((i) => i.id);
    const outsiderSees = await ids(outsider);
    expect(outsiderSees).toEqual(expect.arrayContaining([mine.id, used.id]));
    expect(outsiderSees).not.toContain(unused.id);
    const newsSees = await ids(reviewer);
    expect(newsSees).not.toContain(mine.id);
    expect(newsSees).not.toContain(used.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining([mine.id, used.id, unused.id]));
    expect((await listMediaLibrary(reviewer, { pageSize: 100 })).total).toBe(newsSees.length);
  });
});

describe("the migration", () => {
  it("fills the tables for what existed before it exactly as the triggers keep them", async () => {
    const snapshot = async () => ({
      uses: await db().$queryRawUnsafe(`SELECT "mediaId", "articleId" FROM "MediaUse" ORDER BY 1, 2`),
      keys: await db().$queryRawUnsafe(`SELECT key, source, "publishedAt" FROM "PublicMediaKey" ORDER BY 1, 2`),
    });
    const logo = await uploadImage(admin);
    await db().siteSettings.upsert({ where: { id: 1 }, create: { id: 1, siteName: "测试", logoId: logo.id }, update: { logoId: logo.id } });
    const before = await snapshot();
    expect((before.keys as unknown[]).length).toBeGreaterThan(5);
    const dir = path.join(process.cwd(), "prisma", "migrations");
    const migration = fs.readdirSync(dir).find((d) => d.endsWith("_media_access"))!;
    const sql = fs.readFileSync(path.join(dir, migration, "migration.sql"), "utf8");
    const backfill = sql.slice(sql.indexOf("-- What is there already."));
    await db().$executeRawUnsafe(`TRUNCATE "MediaUse", "PublicMediaKey"`);
    for (const statement of backfill.split(/;\s*\n/).filter((s) => /INSERT/.test(s))) await db().$executeRawUnsafe(statement);
    expect(await snapshot()).toEqual(before);
  });
});
