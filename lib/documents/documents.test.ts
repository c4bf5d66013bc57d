import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createArticle, saveArticle } from "@/lib/articles/mutations";
import { getPublicArticleContent } from "@/lib/articles/queries";
import { listColumnArticles } from "@/lib/articles/public-lists";
import { compareRevisions } from "@/lib/articles/revisions";
import { articleContentSchema, saveArticleSchema, type ArticleContentInput } from "@/lib/articles/schema";
import { listenForChanges, type ChangeMessage } from "@/lib/cache/bus";
import { TAGS } from "@/lib/cache/tags";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format/date";
import { parseSearchParams } from "@/lib/search/params";
import { searchPublicArticles } from "@/lib/search/public";
import { runTransition } from "@/lib/workflow/mutations";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { announceExpiries } from "./expiry";
import { findDocuments } from "./links";
import { listPolicyLinks } from "./public-links";
import { documentLacksInterpretation } from "./review";

const databaseUrl = setupTestDatabase();

type Who = Awaited<ReturnType<typeof createUser>>;
let column: { id: number };
let editor: Who, reviewer: Who;

beforeAll(async () => {
  column = await createColumn(1);
  editor = await createUser("EDITOR", [column.id]);
  reviewer = await createUser("REVIEWER", [column.id]);
});

beforeEach(async () => {
  await db().$executeRaw`DELETE FROM "StaticQueue"`;
});

const body = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const day = (offsetDays: number) => formatDate(new Date(Date.now() + offsetDays * 86_400_000));

/** A document as the editor's form sends it. */
function content(fields: Partial<ArticleContentInput> = {}) {
  return articleContentSchema.parse({ title: "乌海市安全生产工作方案", columnId: column.id, bodyJson: body("正文。"), docNo: "乌府办发[2024]3号", writtenAt: day(-30), ...fields });
}

/** Submitted by the editor, approved and published by the reviewer. */
async function publish(id: number) {
  const { version } = await db().article.findUniqueOrThrow({ where: { id } });
  await runTransition({ articleId: id, action: "submit", actor: editor });
  await runTransition({ articleId: id, action: "approve", actor: reviewer, version });
  await runTransition({ articleId: id, action: "publish", actor: reviewer });
}

async function edit(id: number, fields: Partial<ArticleContentInput>) {
  const row = await db().article.findUniqueOrThrow({ where: { id } });
  return saveArticle({ ...content({ title: row.title, docNo: row.docNo, publishedAt: row.publishedAt, ...fields }), id, baseVersion: row.version }, editor);
}

const queued = async () => (await db().staticQueue.findMany()).map((r) => r.path);

/** Listens as another instance would, for the changes announced while `fn` runs. */
async function heardDuring(fn: () => Promise<unknown>): Promise<ChangeMessage[]> {
  const heard: ChangeMessage[] = [];
  const stop = listenForChanges({ databaseUrl: databaseUrl(), onChange: (m) => heard.push(m), onReconnect: () => {} });
  try {
    const started = Date.now();
    const probe = { origin: "probe", paths: ["/probe"], tags: [] };
    // Wait until the listener hears a probe: it is then listening.
    while (!heard.some((m) => m.origin === "probe")) {
      if (Date.now() - started > 15_000) throw new Error("the listener did not start");
      await db().$executeRaw`SELECT pg_notify('gazette_refresh', ${JSON.stringify(probe)})`;
      await new Promise((r) => setTimeout(r, 50));
    }
    await fn();
    // PostgreSQL delivers notifications in commit order: once a probe sent now is heard, so is every change before it.
    const closing = { origin: "probe", paths: ["/probe/closing"], tags: [] };
    await db().$executeRaw`SELECT pg_notify('gazette_refresh', ${JSON.stringify(closing)})`;
    while (!heard.some((m) => m.paths[0] === "/probe/closing")) {
      if (Date.now() - started > 30_000) throw new Error("the listener did not hear the closing probe");
      await new Promise((r) => setTimeout(r, 20));
    }
    return heard.filter((m) => m.origin !== "probe");
  } finally {
    await stop();
  }
}

describe("有效性 through review", () => {
  it("keeps the public page as reviewed until a repeal is published, shows it in the diff and the audit", async () => {
    const replacement = await createArticle(content({ title: "乌海市安全生产工作方案（2024年修订）", docNo: "乌府办发〔2024〕9号" }), editor);
    await publish(replacement.id);
    const original = await createArticle(content(), editor);
    await publish(original.id);
    expect((await getPublicArticleContent(original.id))?.view.document).toEqual({ state: "VALID", since: null, replacement: null });

    const saved = await edit(original.id, { validity: "REPEALED", validityDate: day(0), replacedById: replacement.id });
    expect(saved).toMatchObject({ backToDraft: true });
    // Still the reviewed revision for the public.
    expect((await getPublicArticleContent(original.id))?.view.document?.state).toBe("VALID");
    const revisions = await db().articleRevision.findMany({ where: { articleId: original.id }, orderBy: { version: "asc" } });
    const diff = await compareRevisions(original.id, revisions[0].id, revisions[1].id);
    expect(diff?.diff.fields.map((f) => [f.label, f.before, f.after])).toEqual([
      ["有效性", "有效", "已废止"],
      ["有效性变更日期", "", day(0)],
      ["修改或替代文件", "", `文章 #${replacement.id}`],
    ]);
    expect(await db().auditEntry.count({ where: { action: "article.save", targetId: String(original.id) } })).toBe(1);

    await publish(original.id);
    const shown = (await getPublicArticleContent(original.id))!;
    expect(shown.view.document).toMatchObject({ state: "REPEALED", replacement: { id: replacement.id, title: "乌海市安全生产工作方案（2024年修订）" } });
    // The column's listing and the search results mark it.
    const listed = await listColumnArticles([column.id], 1);
    expect(listed.items.find((i) => i.id === original.id)?.validity).toBe("REPEALED");
    expect(listed.items.find((i) => i.id === replacement.id)?.validity).toBe("VALID");
    const found = await searchPublicArticles(parseSearchParams({ q: "安全生产工作方案" }));
    expect(found.hits.map((h) => [h.id, h.validity]).sort()).toEqual([[original.id, "REPEALED"], [replacement.id, "VALID"]].sort());
    // The page depends on the replacement: its edit or withdrawal refreshes this page too.
    expect(shown.shows).toEqual([replacement.id]);

    // Withdrawing the replacement refreshes the repealed document's page, which no longer links it.
    await db().$executeRaw`DELETE FROM "StaticQueue"`;
    await runTransition({ articleId: replacement.id, action: "withdraw", actor: reviewer, comment: "重新修订" });
    expect(await queued()).toContain(`/articles/${original.id}`);
    expect((await getPublicArticleContent(original.id))?.view.document).toMatchObject({ state: "REPEALED", replacement: null });
  });

  it("refuses a 索引号 outside the site's format, on its field, and follows the setting", async () => {
    const draft = await createArticle(content(), editor);
    await expect(edit(draft.id, { indexNo: "2024-00007" })).rejects.toMatchObject({ code: "invalid", details: { fieldErrors: { indexNo: [expect.stringContaining("索引号应符合本站格式")] } } });
    await db().siteSettings.upsert({ where: { id: 1 }, update: { indexNoPattern: "####-#####" }, create: { id: 1, siteName: "测试", indexNoPattern: "####-#####" } });
    expect(await edit(draft.id, { indexNo: "2024-00007" })).toMatchObject({ version: 2 });
    await db().siteSettings.update({ where: { id: 1 }, data: { indexNoPattern: "XXXXXXXXXXXXXXXXXX/####-#####" } });
  });

  it("refuses a replacement that does not exist, on its field", async () => {
    const draft = await createArticle(content(), editor);
    await expect(edit(draft.id, { validity: "AMENDED", validityDate: day(0), replacedById: 999_999 })).rejects.toMatchObject({
      code: "invalid",
      details: { fieldErrors: { replacedById: ["修改或替代文件不存在，请核对文章编号"] } },
    });
  });
});

describe("有效期至 and the scheduler", () => {
  it("reads 已失效 from that day, announces it once on every instance, audited, and again after a new 有效期至 comes", async () => {
    const doc = await createArticle(content({ validUntil: day(1) }), editor);
    await publish(doc.id);
    const later = await createArticle(content({ title: "未到期的文件", validUntil: day(30) }), editor);
    await publish(later.id);
    expect(await announceExpiries(new Date())).toEqual([]);
    expect((await getPublicArticleContent(doc.id))?.view.document?.state).toBe("VALID");

    // The next day: two instances run their heartbeat at once.
    const tomorrow = new Date(Date.now() + 86_400_000 + 60_000);
    await db().$executeRaw`DELETE FROM "StaticQueue"`;
    let runs: number[][] = [];
    const heard = await heardDuring(async () => {
      runs = await Promise.all([announceExpiries(tomorrow), announceExpiries(tomorrow)]);
    });
    expect(runs.flat()).toEqual([doc.id]);
    expect(heard).toHaveLength(1);
    expect(heard[0].paths).toContain(`/articles/${doc.id}`);
    expect(heard[0].tags).toContain(TAGS.article(doc.id));
    expect(await queued()).toContain(`/articles/${doc.id}`);
    const audits = await db().auditEntry.findMany({ where: { action: "article.expire", targetId: String(doc.id) } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorLabel: "scheduler", detail: { validUntil: day(1) } });
    expect(await announceExpiries(tomorrow)).toEqual([]);

    // Extended through review: valid again once published, expired again on the new day.
    await edit(doc.id, { validUntil: day(3) });
    await publish(doc.id);
    expect((await getPublicArticleContent(doc.id))?.view.document?.state).toBe("VALID");
    expect(await announceExpiries(new Date(Date.now() + 3 * 86_400_000 + 60_000))).toEqual([doc.id]);
  });
});

describe("解读 ↔ 政策原文", () => {
  it("shows both directions from one relation, only live articles, and refreshes the other side's page", async () => {
    const document = await createArticle(content({ title: "乌海市促进民营经济发展若干措施", docNo: "乌府发（2024）5号" }), editor);
    await publish(document.id);
    // The picker finds it by 发文字号 as typed with other brackets, and by words of its title.
    expect((await findDocuments("乌府发[2024]5号", null, editor)).map((d) => d.id)).toEqual([document.id]);
    expect((await findDocuments("民营经济", null, editor)).map((d) => d.id)).toContain(document.id);

    const interpretation = await createArticle(
      articleContentSchema.parse({ title: "图解：促进民营经济发展若干措施", columnId: column.id, bodyJson: body("解读正文。"), interprets: [{ id: document.id, title: "…" }], interpretationKind: "GRAPHIC" }),
      editor,
    );
    // Not public yet: neither page shows the link.
    expect(await listPolicyLinks(document.id)).toEqual({ originals: [], interpretations: [] });

    await db().$executeRaw`DELETE FROM "StaticQueue"`;
    await publish(interpretation.id);
    expect(await queued()).toContain(`/articles/${document.id}`);
    const onDocument = await listPolicyLinks(document.id);
    expect(onDocument.interpretations.map((i) => [i.id, i.kind])).toEqual([[interpretation.id, "图文解读/图解"]]);
    expect((await listPolicyLinks(interpretation.id)).originals.map((o) => o.id)).toEqual([document.id]);

    // An edit that drops the link reaches the public only when published.
    await edit(interpretation.id, { title: "图解：促进民营经济发展若干措施", interprets: [], interpretationKind: "GRAPHIC" });
    expect((await listPolicyLinks(document.id)).interpretations).toHaveLength(1);

    // The document withdrawn: the interpretation's page is refreshed and no longer links it.
    await db().$executeRaw`DELETE FROM "StaticQueue"`;
    await runTransition({ articleId: document.id, action: "withdraw", actor: reviewer, comment: "文件调整" });
    expect(await queued()).toContain(`/articles/${interpretation.id}`);
    expect((await listPolicyLinks(interpretation.id)).originals).toEqual([]);
  });

  it("warns the reviewer of a document in review with no interpretation public or in review", async () => {
    const document = await createArticle(content({ title: "乌海市城市更新行动方案", docNo: "乌府发〔2024〕11号" }), editor);
    expect(await documentLacksInterpretation(document.id)).toBe(false); // a draft: nothing to review yet
    await runTransition({ articleId: document.id, action: "submit", actor: editor });
    expect(await documentLacksInterpretation(document.id)).toBe(true);
    const interpretation = await createArticle(
      articleContentSchema.parse({ title: "解读：城市更新行动方案", columnId: column.id, bodyJson: body("解读。"), interprets: [document.id], interpretationKind: "TEXT" }),
      editor,
    );
    expect(await documentLacksInterpretation(document.id)).toBe(true); // a draft interpretation does not count
    await runTransition({ articleId: interpretation.id, action: "submit", actor: editor });
    expect(await documentLacksInterpretation(document.id)).toBe(false);
    const news = await createArticle(content({ title: "新闻", docNo: null }), editor);
    await runTransition({ articleId: news.id, action: "submit", actor: editor });
    expect(await documentLacksInterpretation(news.id)).toBe(false); // not a document
  });

  it("refuses an interpretation of itself and one without a kind, on their fields", () => {
    const parsed = saveArticleSchema.safeParse({ title: "解读", columnId: 1, bodyJson: body("x"), interprets: [7], id: 7, baseVersion: 1 });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["interprets", "文章不能解读它自己"],
      ["interpretationKind", "请选择解读形式"],
    ]);
  });
});
