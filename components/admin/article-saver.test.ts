import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { EditorArticle, SaveResult } from "@/lib/articles/editor-model";
import { richTextBoundProblems } from "@/lib/sanitize/rich-text-bounds";
import { ArticleSaver, type DraftStore, type SaveTransport } from "./article-saver";

const article = (over: Partial<EditorArticle> = {}): EditorArticle => ({
  id: 7, version: 3, status: "DRAFT", live: false, title: "标题", titleTags: [], subtitle: "", columnId: 1, author: "", source: "", summary: "",
  bodyJson: { type: "doc", content: [{ type: "paragraph" }] }, coverId: null, publishedAt: null, pinned: false, headline: false, attachments: [],
  indexNo: "", topic: "", issuingOrg: "", writtenAt: "", docNo: "", validity: "VALID", validityDate: "", replacedById: null, validUntil: "", interpretationKind: null, interprets: [],
  updatedAt: "2024-01-01T00:00:00.000Z", updatedBy: "王编辑", ...over,
});

const ok = (version: number, id = 7): ActionResult<SaveResult> => ({
  ok: true,
  data: { id, version, status: "DRAFT", savedAt: new Date().toISOString(), unchanged: false, backToDraft: false, words: [] },
});

function setup(initial = article()) {
  const calls: { kind: "create" | "save"; input: Record<string, unknown> }[] = [];
  const answers: (ActionResult<SaveResult> | Error)[] = [];
  const answer = async () => {
    const next = answers.shift() ?? ok(99);
    if (next instanceof Error) throw next;
    return next;
  };
  const transport: SaveTransport = {
    create: async (input) => (calls.push({ kind: "create", input }), answer()),
    save: async (input) => (calls.push({ kind: "save", input }), answer()),
  };
  const drafts = new Map<string, unknown>();
  const store: DraftStore = { write: (d) => (drafts.set(String(d.articleId), d), true), clear: (id) => void drafts.delete(String(id)) };
  const saver = new ArticleSaver(initial, transport, store, { idleMs: 3000, retryMs: 1000, maxRetryMs: 8000, localDelayMs: 100 });
  return { saver, calls, answers, drafts };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("ArticleSaver", () => {
  it("keeps changes locally at once and autosaves after a few quiet seconds, based on the loaded version", async () => {
    const { saver, calls, answers, drafts } = setup();
    answers.push(ok(4));
    saver.update({ title: "新标题" });
    expect(saver.getSnapshot().status).toEqual({ kind: "dirty" });
    await vi.advanceTimersByTimeAsync(150);
    expect(drafts.get("7")).toMatchObject({ baseVersion: 3, content: { title: "新标题" } });
    await vi.advanceTimersByTimeAsync(2000);
    saver.update({ title: "新标题二" }); // typing again postpones the autosave
    await vi.advanceTimersByTimeAsync(2999);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([{ kind: "save", input: expect.objectContaining({ id: 7, baseVersion: 3, title: "新标题二", autosave: true }) }]);
    expect(saver.getSnapshot()).toMatchObject({ status: { kind: "saved" }, article: { version: 4 } });
    expect(drafts.has("7")).toBe(false);
  });

  it("keeps everything when the network is down, says why, retries with backoff and saves once it is back", async () => {
    const { saver, calls, answers } = setup();
    answers.push(new TypeError("Failed to fetch"), new TypeError("Failed to fetch"), ok(4));
    saver.update({ summary: "断网时写的摘要" });
    await vi.advanceTimersByTimeAsync(3000);
    expect(saver.getSnapshot().status).toEqual({ kind: "error", reason: "网络连接中断", retrying: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
    saver.update({ summary: "断网时写的摘要，又改了" }); // edits while retrying are kept for the retry
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(3);
    expect(calls[2].input).toMatchObject({ summary: "断网时写的摘要，又改了", baseVersion: 3 });
    expect(saver.getSnapshot().status.kind).toBe("saved");
  });

  it("retries at once when the browser reports the network is back", async () => {
    const { saver, calls, answers } = setup();
    answers.push(new TypeError("Failed to fetch"), ok(4));
    saver.update({ title: "x" });
    await vi.advanceTimersByTimeAsync(3000);
    saver.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(saver.getSnapshot().status.kind).toBe("saved");
  });

  it("stops on a conflict with the stored copy, and continues from the chosen content on top of it", async () => {
    const { saver, calls, answers } = setup();
    const theirs = article({ version: 4, title: "对方的标题", updatedBy: "李编辑" });
    answers.push({ ok: false, code: "conflict", error: "冲突", details: { current: theirs } }, ok(5));
    saver.update({ title: "我的标题" });
    await vi.advanceTimersByTimeAsync(3000);
    expect(saver.getSnapshot()).toMatchObject({ status: { kind: "conflict" }, conflict: { version: 4, title: "对方的标题" }, article: { title: "我的标题" } });
    saver.update({ summary: "冲突后继续写" });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1); // no autosave over someone else's version
    saver.resolve(saver.getSnapshot().article, theirs, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[1].input).toMatchObject({ baseVersion: 4, title: "我的标题", summary: "冲突后继续写", autosave: false });
    expect(saver.getSnapshot()).toMatchObject({ conflict: null, article: { version: 5 } });
  });

  it("does not retry a refused input, shows the reason and saves again after the next edit", async () => {
    const { saver, calls, answers } = setup();
    answers.push({ ok: false, code: "invalid", error: "提交的内容有误", fieldErrors: { title: ["请填写标题"] } }, ok(4));
    saver.update({ title: "" });
    await vi.advanceTimersByTimeAsync(3000);
    expect(saver.getSnapshot()).toMatchObject({ status: { kind: "error", reason: "请填写标题", retrying: false }, fieldErrors: { title: ["请填写标题"] } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    saver.update({ title: "补上标题" });
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toHaveLength(2);
    expect(saver.getSnapshot().fieldErrors).toEqual({});
  });

  it("shows a refusal found against the database next to its field, as one from the schema", async () => {
    const { saver, answers } = setup();
    const message = "索引号应符合本站格式“####-#####”（X 为字母或数字，# 为数字），例如 1234-56789";
    answers.push({ ok: false, code: "invalid", error: message, details: { fieldErrors: { indexNo: [message] } } });
    saver.update({ indexNo: "2024" });
    await vi.advanceTimersByTimeAsync(3000);
    expect(saver.getSnapshot()).toMatchObject({ status: { kind: "error", reason: message, retrying: false }, fieldErrors: { indexNo: [message] } });
  });

  it("keeps the body and its local copy when the server refuses a number in it, and says which", async () => {
    const { saver, answers, drafts } = setup();
    const body = { type: "doc", content: [{ type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", attrs: { colspan: 100_000 }, content: [{ type: "paragraph" }] }] }] }] };
    const [message] = richTextBoundProblems(body);
    answers.push({ ok: false, code: "invalid", error: "提交的内容有误", fieldErrors: { bodyJson: [message] } });
    saver.update({ bodyJson: body });
    await vi.advanceTimersByTimeAsync(3000);
    expect(message).toContain("colspan");
    expect(saver.getSnapshot()).toMatchObject({ status: { kind: "error", reason: message, retrying: false } });
    expect(saver.getSnapshot().article.bodyJson).toEqual(body);
    expect(JSON.stringify(drafts.get("7"))).toContain("100000");
  });

  it("creates a new article only once it has a title and a column, then saves it by id", async () => {
    const { saver, calls, answers, drafts } = setup(article({ id: null, version: 0, title: "", columnId: null }));
    const saved: (number | null)[] = [];
    saver.onSaved = (_r, previousId) => saved.push(previousId);
    answers.push(ok(1, 42), ok(2, 42));
    saver.update({ title: "新文章" });
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toHaveLength(0);
    expect(saver.getSnapshot().status).toEqual({ kind: "waiting", reason: "填写标题并选择栏目后自动保存" });
    expect(drafts.get("null")).toMatchObject({ articleId: null, content: { title: "新文章" } });
    saver.update({ columnId: 1 });
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls[0]).toMatchObject({ kind: "create", input: { title: "新文章", columnId: 1 } });
    expect(saved).toEqual([null]);
    saver.update({ summary: "摘要" });
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls[1]).toMatchObject({ kind: "save", input: { id: 42, baseVersion: 1 } });
    expect(drafts.size).toBe(0);
  });

  it("waits for picture uploads before saving", async () => {
    const { saver, calls } = setup();
    saver.setPendingUploads(1);
    saver.update({ title: "有图" });
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toHaveLength(0);
    expect(saver.getSnapshot().status).toEqual({ kind: "waiting", reason: "图片上传完成后自动保存" });
    saver.setPendingUploads(0);
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toHaveLength(1);
  });

  it("runs an explicit save asked for during a save right after it", async () => {
    const { saver, calls, answers } = setup();
    let release!: () => void;
    answers.push(ok(4), ok(5));
    const original = saver["transport"].save;
    saver["transport"].save = (input) => new Promise((resolve) => (release = () => resolve(original(input))));
    saver.update({ title: "一" });
    void saver.save("explicit");
    saver.update({ title: "二" });
    void saver.save("explicit");
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => [c.input.title, c.input.baseVersion])).toEqual([["一", 3], ["二", 4]]);
  });

  it("saves at once when the editor leaves the page with unsaved changes", async () => {
    const { saver, calls, drafts } = setup();
    saver.update({ title: "离开前的修改" });
    saver.leave();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([{ kind: "save", input: expect.objectContaining({ title: "离开前的修改", autosave: true }) }]);
    expect(drafts.has("7")).toBe(false);
  });

  it("refuses at once, without retrying, an article larger than a save can carry", async () => {
    const { saver, calls } = setup();
    saver.update({ summary: "长".repeat(700_000) });
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toHaveLength(0);
    expect(saver.getSnapshot().status).toMatchObject({ kind: "error", retrying: false });
  });
});
