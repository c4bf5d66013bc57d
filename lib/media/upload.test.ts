import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { ActionError } from "@/lib/actions/errors";
import { db } from "@/lib/db/client";
import { listMediaLibrary } from "./library";
import { storeUpload, uploadInputSchema, type Uploader } from "./upload";

setupTestDatabase();

let editor: Uploader;

beforeAll(async () => {
  const user = await db().user.create({ data: { email: "media@test.local", name: "媒体测试", passwordHash: "x", role: "EDITOR" } });
  editor = { id: user.id, email: user.email, role: "EDITOR", columnIds: [] };
});

const upload = (purpose: "image" | "attachment", name: string, data: Uint8Array, alt = "") =>
  storeUpload(uploadInputSchema.parse({ purpose, name, data, alt }), editor);

const mediaFile = (src: string) => fs.readFileSync(path.join(process.env.MEDIA_DIR!, src.replace(/^\/media\//, "")));

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: "#336699" } })
    .jpeg()
    .withExif({ IFD0: { Make: "TestCam", Copyright: "secret owner" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "39/1 40/1 12/1" } })
    .toBuffer();
}

describe("image uploads", () => {
  it("re-encodes into responsive WebP widths and a JPEG fallback, without EXIF or GPS", async () => {
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const image = await upload("image", "C:\\Users\\张三\\照片\\IMG_0001.jpg", original, "会议现场");
    expect(image).toMatchObject({ kind: "image", name: "IMG_0001.jpg", width: 1200, height: 800, alt: "会议现场" });
    if (image.kind !== "image") throw new Error("expected an image");
    expect(image.src).toMatch(/^\/media\/images\/\d{4}\/[0-9a-f-]{36}\/w1200\.jpg$/);
    expect(image.srcset.split(", ").map((s) => s.split(" ")[1])).toEqual(["480w", "960w", "1200w"]);
    for (const src of [image.src, ...image.srcset.split(", ").map((s) => s.split(" ")[0])]) {
      const meta = await sharp(mediaFile(src)).metadata();
      expect(meta.exif).toBeUndefined();
    }
    const row = await db().media.findUniqueOrThrow({ where: { id: image.id } });
    expect(row.storageKey).not.toContain("IMG_0001");
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "media.upload", targetId: String(image.id) } });
    expect(entry).toMatchObject({ actorId: editor.id, targetType: "media" });
  });

  it("stores the same picture once, however often it is pasted", async () => {
    const data = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#aa0000" } }).png().toBuffer();
    const first = await upload("image", "a.png", data);
    const second = await upload("image", "b.png", data);
    expect(second.id).toBe(first.id);
  });

  it("refuses SVG, disguised and broken images with a clear message", async () => {
    await expect(upload("image", "logo.png", new TextEncoder().encode('<svg onload="alert(1)"/>'))).rejects.toThrow(/SVG/);
    await expect(upload("image", "photo.jpg", new TextEncoder().encode("<html>not a picture</html>"))).rejects.toThrow(ActionError);
    const truncated = (await photoWithGps()).subarray(0, 200);
    await expect(upload("image", "broken.jpg", truncated)).rejects.toThrow("图片文件已损坏或尺寸过大，无法处理。");
  });
});

describe("attachment uploads", () => {
  it("keeps a proven attachment with its name, type and size under a generated key", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const data = await zip.generateAsync({ type: "uint8array" });
    const file = await upload("attachment", "../../etc/实施方案.docx", data);
    expect(file).toMatchObject({ kind: "attachment", name: "实施方案.docx", size: data.length });
    if (file.kind !== "attachment") throw new Error("expected an attachment");
    expect(file.mimeType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(file.href).toMatch(/^\/media\/files\/\d{4}\/[0-9a-f-]{36}\.docx$/);
    expect(mediaFile(file.href).equals(Buffer.from(data))).toBe(true);
  });

  it("refuses a renamed executable", async () => {
    await expect(upload("attachment", "通知.pdf", new TextEncoder().encode("MZ\u0090 program"))).rejects.toThrow(/不符/);
  });
});

describe("the media library", () => {
  it("lists newest first and finds by name or alt text", async () => {
    const all = await listMediaLibrary(editor, {});
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.items[0].createdAt >= all.items[all.items.length - 1].createdAt).toBe(true);
    const found = await listMediaLibrary(editor, { q: "会议", kind: "IMAGE" });
    expect(found.items.map((i) => i.alt)).toEqual(["会议现场"]);
    expect(found.items[0].thumb).toMatch(/w480\.webp$/);
    expect((await listMediaLibrary(editor, { kind: "ATTACHMENT" })).items.map((i) => i.name)).toEqual(["实施方案.docx"]);
  });
});

describe("upload input", () => {
  it("requires a file, a name and a known purpose", () => {
    expect(uploadInputSchema.safeParse({ purpose: "image", name: "a.jpg" }).success).toBe(false);
    expect(uploadInputSchema.safeParse({ purpose: "script", name: "a.js", data: new Uint8Array(1) }).success).toBe(false);
    expect(uploadInputSchema.safeParse({ purpose: "image", name: " ", data: new Uint8Array(1) }).success).toBe(false);
  });
});
