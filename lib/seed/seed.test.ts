import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { readReferenceArticle } from "@/test/reference";
import { db } from "@/lib/db/client";
import { displayTitle } from "@/lib/articles/format";
import { formatDateTime } from "@/lib/format/date";
import type { RichTextNode } from "@/lib/sanitize/tiptap";
import { getPublicArticleContent } from "@/lib/articles/queries";
import { listPolicyLinks } from "@/lib/documents/public-links";
import { validitySentence } from "@/lib/documents/validity";
import { seed } from "./seed";

setupTestDatabase();
const reference = readReferenceArticle();

async function counts() {
  const [articles, revisions, columns, media, settings] = await Promise.all([
    db().article.count(),
    db().articleRevision.count(),
    db().column.count(),
    db().media.count(),
    db().siteSettings.count(),
  ]);
  return { articles, revisions, columns, media, settings };
}

describe("demo content", () => {
  it("is idempotent: seeding twice creates nothing twice", async () => {
    await seed(() => {});
    const first = await counts();
    expect(first.articles).toBeGreaterThanOrEqual(31);
    expect(first.settings).toBe(1);
    await seed(() => {});
    expect(await counts()).toEqual(first);
  }, 120_000);

  it("has the reference article exactly as on the reference page", async () => {
    const article = await db().article.findFirstOrThrow({
      where: { title: { startsWith: "乌海:笃行实干" } },
      include: { liveRevision: true, column: true },
    });
    const live = article.liveRevision!;
    expect(displayTitle(live.title, live.titleTags)).toBe(reference.title);
    expect(live.titleTags).toEqual(["媒体解读", "五大任务"]);
    expect(formatDateTime(article.publishedAt!)).toBe(reference.date);
    expect(live.author).toBe(reference.author);
    expect(live.source).toBe(reference.source);
    expect(article.status).toBe("PUBLISHED");
    expect(article.column.name).toBe("媒体解读");

    // Every heading and paragraph, verbatim and in order.
    expect(live.bodyText.split("\n")).toEqual(reference.textBlocks);

    // An image wherever the reference shows one, each stored in the media folder.
    const images = ((live.bodyJson as unknown as RichTextNode).content ?? []).filter((n) => n.type === "image");
    expect(images).toHaveLength(reference.imageCount);
    for (const image of images) {
      expect(image.attrs?.alt).toBeTruthy();
      const key = String(image.attrs?.src).replace(/^\/media\//, "");
      expect(fs.existsSync(path.join(process.env.MEDIA_DIR!, key))).toBe(true);
    }
    expect(live.bodyHtml.match(/<img /g)).toHaveLength(reference.imageCount);
  });

  it("has the reference site's footer settings", async () => {
    const settings = await db().siteSettings.findUniqueOrThrow({ where: { id: 1 } });
    const footer = reference.footer.join("\n");
    for (const value of [settings.host, settings.maintainer, settings.address, settings.postcode, settings.phone, settings.siteCode]) {
      expect(footer).toContain(value);
    }
    expect(footer).toContain(settings.psbFiling.replace("蒙公网安备", "蒙公网安备:"));
    expect(footer).toContain(settings.icpFiling);
    expect(settings.siteName).toBe("乌海市人民政府");
  });

  it("shows a newcomer every 有效性: a valid document, one repealed by it, one past its 有效期至", async () => {
    const byDocNo = async (docNo: string) => (await getPublicArticleContent((await db().article.findFirstOrThrow({ where: { docNo } })).id))!.view.document;
    const revised = await db().article.findFirstOrThrow({ where: { docNo: "乌海政办发〔2024〕7号" } });
    expect(await byDocNo("乌海政办发〔2024〕7号")).toEqual({ state: "VALID", since: null, replacement: null });
    const repealed = await byDocNo("乌海政办发〔2023〕12号");
    expect(repealed).toMatchObject({ state: "REPEALED", replacement: { id: revised.id, title: revised.title } });
    expect(validitySentence(repealed!)).toBe("本文件已于2024年3月1日废止");
    expect(await byDocNo("乌海政办发〔2023〕18号")).toMatchObject({ state: "EXPIRED", since: new Date("2024-12-31T00:00:00Z") });
  });

  it("makes the reference 媒体解读 an interpretation of a seeded policy document, linked both ways", async () => {
    const reference = await db().article.findFirstOrThrow({ where: { title: { startsWith: "乌海:笃行实干" } } });
    const document = await db().article.findFirstOrThrow({ where: { docNo: "乌海政发〔2023〕21号" } });
    expect((await listPolicyLinks(reference.id)).originals.map((o) => o.id)).toEqual([document.id]);
    expect((await listPolicyLinks(document.id)).interpretations.map((i) => [i.id, i.kind])).toEqual([[reference.id, "媒体解读"]]);
  });
});
