import { beforeAll, describe, expect, it } from "vitest";
import { auditPlacement } from "@/lib/articles/placement";
import { db } from "@/lib/db/client";
import { createImageMedia } from "@/lib/media/mutations";
import type { RichTextNode } from "@/lib/sanitize/tiptap";
import { referenceSettings } from "@/lib/seed/settings";
import { renderPlaceholderImage } from "@/lib/seed/placeholder-image";
import { setupTestDatabase } from "@/test/db";
import { createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { scanLiveContent } from "./content";
import { getLatestRun } from "./queries";
import { runNow } from "./start";

setupTestDatabase();

const DAY = 86_400_000;
const now = new Date();
const link = (href: string, text = "链接"): RichTextNode => ({ type: "text", text, marks: [{ type: "link", attrs: { href } }] });
const paragraph = (...content: RichTextNode[]): RichTextNode => ({ type: "paragraph", content });
const image = (src: string, alt: string, mediaId?: number): RichTextNode => ({ type: "image", attrs: { src, alt, ...(mediaId ? { mediaId } : {}) } });

async function column(name: string, slug: string, data: { reportCategory?: "NEWS" | "OVERVIEW" | "DISCLOSURE"; hidden?: boolean } = {}) {
  return db().column.create({ data: { name, slug, ...data } });
}

let ids: Record<string, number> = {};

beforeAll(async () => {
  const admin = await createUser("ADMIN");
  // The footer lacks its ICP number and has a short 标识码.
  await db().siteSettings.create({ data: { id: 1, ...referenceSettings, icpFiling: "", siteCode: "150300001" } });
  const stale = await column("乌海要闻", "wuhai-news", { reportCategory: "NEWS" });
  const fresh = await column("部门动态", "department-news", { reportCategory: "NEWS" });
  const blank = await column("机构概况", "about", { reportCategory: "OVERVIEW" });
  await column("旧专栏", "old-topic", { hidden: true });

  const picture = await createImageMedia({ data: await renderPlaceholderImage(1, 320, 200), originalName: "会议.jpg", alt: "会议", uploadedById: admin.id });
  // Rows whose files are gone from the media store (a failed copy, a lost disk).
  const lostPdf = await db().media.create({ data: { kind: "ATTACHMENT", storageKey: "2026/zz/lost.pdf", originalName: "实施方案.pdf", mimeType: "application/pdf", size: 10, sha256: "x" } });

  await createArticle({ columnId: stale.id, authorId: admin.id, title: "很久以前的要闻", publishedAt: new Date(now.getTime() - 30 * DAY) });
  const withdrawn = await createArticle({ columnId: fresh.id, authorId: admin.id, state: "withdrawn", title: "已撤稿的文章" });
  const target = await createArticle({ columnId: fresh.id, authorId: admin.id, title: "被引用的文章", publishedAt: new Date(now.getTime() - 2 * DAY) });
  const body = await createArticle({
    columnId: fresh.id,
    authorId: admin.id,
    title: "链接很多的文章",
    publishedAt: new Date(now.getTime() - DAY),
    attachments: [{ mediaId: lostPdf.id, name: "实施方案.pdf" }],
    doc: {
      type: "doc",
      content: [
        paragraph(
          link(`/articles/${target.id}`),
          link(`/articles/${withdrawn.id}`),
          link("/articles/999999"),
          link(`/columns/department-news/page/2`),
          link("/columns/no-such-column"),
          link("/articles/007"),
          link(`/media/${lostPdf.storageKey}`),
          link("/search?q=乌海"),
          link("mailto:office@wuhai.gov.cn"),
        ),
        image(picture.src, "会议现场", picture.id),
        image("/media/2026/zz/gone.webp", ""),
      ],
    },
  });
  // An editor with the publish permission moved the 公开日期 of a live article back by a month.
  const before = { columnId: target.columnId, publishedAt: target.publishedAt, pinned: false, headline: false };
  await db().$transaction((tx) => auditPlacement(tx, { ...admin, columnIds: [] }, target.id, before, { ...before, publishedAt: new Date(target.publishedAt!.getTime() - 30 * DAY) }));
  ids = { stale: stale.id, fresh: fresh.id, blank: blank.id, body: body.id, target: target.id, withdrawn: withdrawn.id };
});

describe("a run of the self-check", () => {
  it("reports each problem in words with the page where it is fixed, and keeps the run", async () => {
    const runId = await runNow("管理员");
    const run = (await getLatestRun())!;
    expect(run).toMatchObject({ id: runId, status: "FAILED", trigger: "MANUAL", startedBy: "管理员" });
    const of = (check: string) => run.findings.filter((f) => f.check === check);

    expect(of("stale-column")).toEqual([
      expect.objectContaining({ severity: "error", fixHref: `/admin/columns/${ids.stale}`, message: expect.stringMatching(/^栏目“乌海要闻”（政务动态，更新周期 14 天）最后更新于 \d{4}-\d\d-\d\d，应在 .* 前更新，已逾期 1[56] 天。$/) }),
    ]);
    expect(of("blank-column").map((f) => f.fixHref)).toEqual([`/admin/columns/${ids.blank}`]);

    const broken = of("broken-link");
    expect(broken.map((f) => f.message)).toEqual([
      `文章《链接很多的文章》中的链接 /articles/${ids.withdrawn} 指向的文章不存在或已撤稿。`,
      "文章《链接很多的文章》中的链接 /articles/999999 指向的文章不存在或已撤稿。",
      "文章《链接很多的文章》中的链接 /columns/no-such-column 指向的栏目不存在。",
      "文章《链接很多的文章》中的链接 /articles/007 不是网站上的有效地址。",
    ]);
    expect(broken.every((f) => f.fixHref === `/admin/articles/${ids.body}` && f.fixLabel === "编辑文章")).toBe(true);

    expect(of("missing-media").map((f) => f.message)).toEqual([
      "文章《链接很多的文章》中链接的文件 /media/2026/zz/lost.pdf 在媒体库中找不到。",
      "文章《链接很多的文章》中的图片 /media/2026/zz/gone.webp 在媒体库中找不到文件。",
      "文章《链接很多的文章》的附件“实施方案.pdf”的文件已丢失，无法下载。",
    ]);
    expect(of("image-alt").map((f) => f.message)).toEqual(["文章《链接很多的文章》中有 1 张图片没有替代文本（读屏软件无法描述图片）。"]);

    const dates = of("publish-date-changed");
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ fixHref: `/admin/articles/${ids.target}`, message: expect.stringContaining("已公开的文章《被引用的文章》的公开日期于") });

    expect(of("footer").map((f) => f.message)).toEqual([
      "页脚的政府网站标识码“150300001”格式不正确：应为 10 位字母或数字，例如 1503000001。",
      "页脚缺少ICP 备案号。",
    ]);
    expect(of("footer").every((f) => f.fixHref === "/admin/settings")).toBe(true);
    // The site is small: no veto item is reached; none is reported.
    expect(of("veto")).toEqual([]);
    expect(run.counts).toEqual({ "stale-column": 1, "blank-column": 1, "broken-link": 4, "missing-media": 3, "image-alt": 1, "publish-date-changed": 1, footer: 2 });

    const columns = new Map(run.report!.columns.map((c) => [c.id, c]));
    expect(columns.get(ids.stale)).toMatchObject({ state: "overdue", periodDays: 14 });
    expect(columns.get(ids.fresh)).toMatchObject({ state: "ok" });
    expect(columns.get(ids.blank)).toMatchObject({ state: "blank", periodDays: null });
    expect(run.report!.veto.map((v) => [v.key, v.current, v.failed])).toEqual([
      ["home", 1, false],
      ["keyColumns", 1, false],
      ["shouldUpdate", 1, false],
      ["blank", 1, false],
    ]);
    expect(run.report!.external).toBeNull();
  });

  it("finds the same content problems when it resolves the references a few at a time, as a large site needs", async () => {
    const origin = "http://127.0.0.1:3000";
    const messages = async (resolveEvery?: number) => (await scanLiveContent(now, origin, { resolveEvery })).findings.map((f) => f.message).sort();
    const atOnce = await messages();
    expect(atOnce.length).toBeGreaterThan(5);
    expect(await messages(1)).toEqual(atOnce);
  });

  it("passes once the problems are fixed (warnings do not fail it)", async () => {
    await db().column.update({ where: { id: ids.stale }, data: { updateEveryDays: 60 } });
    await db().column.update({ where: { id: ids.blank }, data: { hidden: true } });
    // The article's links and pictures corrected, as a new live revision.
    const live = await db().articleRevision.findFirstOrThrow({ where: { articleId: ids.body } });
    const { id: _id, createdAt: _at, ...copy } = live;
    const fixed = await db().articleRevision.create({
      data: { ...copy, version: 2, bodyJson: copy.bodyJson as object, bodyHtml: `<p><a href="/columns/department-news">部门动态</a></p>`, attachments: [] },
    });
    await db().article.update({ where: { id: ids.body }, data: { liveRevisionId: fixed.id, version: 2 } });
    await db().siteSettings.update({ where: { id: 1 }, data: { icpFiling: "蒙ICP备05000809号", siteCode: "1503000001" } });
    // The audit log keeps the changed 公开日期 for ever: the finding goes when the article leaves the site.
    await db().article.update({ where: { id: ids.target }, data: { live: false, status: "WITHDRAWN" } });
    await runNow("管理员");
    const run = (await getLatestRun())!;
    expect(run.findings).toEqual([]);
    expect(run.status).toBe("PASSED");
  });
});
