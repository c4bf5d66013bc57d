import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actAs } from "@/test/session";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createDraft } from "@/test/factories";
import { send, startImageServer, type ImageServer } from "@/test/image-server";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createTestUser } from "@/lib/users/testing";
import { localizeRemoteImagesAction } from "./actions";

/** 图片本地化 on a real database, against a local picture server allowed through the site setting. */
setupTestDatabase();

let server: ImageServer;
let editor: SessionUser;
let otherEditor: SessionUser;
let articleId: number;
let jpeg: Buffer;

const allowLocalServer = (hosts: string) =>
  db().siteSettings.upsert({ where: { id: 1 }, update: { remoteImageHosts: hosts }, create: { id: 1, siteName: "测试", remoteImageHosts: hosts } });

beforeAll(async () => {
  jpeg = await sharp({ create: { width: 640, height: 360, channels: 3, background: "#2255aa" } }).jpeg().toBuffer();
  const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#aa2222" } }).png().toBuffer();
  server = await startImageServer({
    "/mmbiz_jpg/abc/640": send(jpeg, "image/jpeg"),
    "/photo.png": send(png, "application/octet-stream"), // a wrong type: the bytes decide
    "/page.html": send("<!doctype html><title>不是图片</title>", "image/jpeg"), // a lying type: the bytes decide
    "/logo.svg": send('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/svg+xml"),
    "/denied.jpg": send("hotlink", "text/plain", 403),
  });
  const column = await createColumn();
  editor = await createTestUser("EDITOR", { columnIds: [column.id] });
  otherEditor = await createTestUser("EDITOR", { columnIds: [] });
  articleId = (await createDraft(editor.id, column.id)).id;
});
afterAll(() => server.close());
beforeEach(async () => {
  actAs(editor);
  await allowLocalServer("127.0.0.1");
});

describe("localizeRemoteImagesAction", () => {
  it("fetches each picture and stores it as the user's media, with renditions, by its bytes", async () => {
    const urls = [`${server.origin}/mmbiz_jpg/abc/640?wx_fmt=jpeg`, `${server.origin}/photo.png`];
    const result = await localizeRemoteImagesAction({ urls, articleId });
    if (!result.ok) throw new Error(result.error);
    expect(result.data).toHaveLength(2);
    for (const [i, item] of result.data.entries()) {
      expect(item).toMatchObject({ url: urls[i], ok: true, src: expect.stringMatching(/^\/media\/images\/\d{4}\/[0-9a-f-]{36}\/w\d+\.jpg$/) });
      if (!item.ok) continue;
      expect(item.srcset).toMatch(/\.webp \d+w/);
      const media = await db().media.findUniqueOrThrow({ where: { id: item.mediaId } });
      expect(media).toMatchObject({ kind: "IMAGE", uploadedById: editor.id });
    }
    expect(result.data[0]).toMatchObject({ width: 640, height: 360 });
    const names = await db().media.findMany({ where: { uploadedById: editor.id }, select: { originalName: true } });
    expect(names.map((n) => n.originalName).sort()).toEqual(["127.0.0.1-640.jpg", "photo.png"]);
    const audit = await db().auditEntry.count({ where: { action: "media.upload", actorId: editor.id } });
    expect(audit).toBe(2);
    // The fetch carried no Referer: WeChat's host would refuse it, and it tells the other site nothing.
    expect(server.requests.every((r) => r.headers.referer === undefined)).toBe(true);
  });

  it("reuses the user's own copy when the same picture comes again", async () => {
    const url = `${server.origin}/mmbiz_jpg/abc/640?wx_fmt=jpeg`;
    const first = await localizeRemoteImagesAction({ urls: [url], articleId: null });
    const second = await localizeRemoteImagesAction({ urls: [url], articleId: null });
    if (!first.ok || !second.ok) throw new Error("expected results");
    expect(first.data[0].ok && second.data[0].ok && first.data[0].mediaId === second.data[0].mediaId).toBe(true);
  });

  it("answers a reason per picture, in Chinese, and stores nothing for a failure", async () => {
    const before = await db().media.count();
    const result = await localizeRemoteImagesAction({
      urls: [`${server.origin}/page.html`, `${server.origin}/logo.svg`, `${server.origin}/denied.jpg`, "ftp://example.com/a.jpg", "http://169.254.169.254/latest/meta-data/"],
      articleId,
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.data.map((r) => (r.ok ? "ok" : r.reason))).toEqual([
      "不是图片",
      expect.stringMatching(/SVG/),
      "对方拒绝（403）",
      "只能获取 http 或 https 地址的图片",
      "地址不允许（本机、内网或保留地址）",
    ]);
    expect(await db().media.count()).toBe(before);
  });

  it("refuses the local server once the setting no longer names it", async () => {
    await allowLocalServer("");
    const result = await localizeRemoteImagesAction({ urls: [`${server.origin}/photo.png`], articleId });
    expect(result).toMatchObject({ ok: true, data: [{ ok: false, reason: "地址不允许（本机、内网或保留地址）" }] });
  });

  it("checks the article: only someone who may edit it localises its pictures", async () => {
    actAs(otherEditor);
    const before = server.requests.length;
    expect(await localizeRemoteImagesAction({ urls: [`${server.origin}/photo.png`], articleId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(server.requests.length).toBe(before);
  });

  it("bounds the batch", async () => {
    const urls = Array.from({ length: 21 }, (_, i) => `${server.origin}/p${i}.png`);
    expect(await localizeRemoteImagesAction({ urls, articleId })).toMatchObject({ ok: false, code: "invalid" });
  });
});
