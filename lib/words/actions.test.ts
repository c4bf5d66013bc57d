import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createTestUser, lastAudit } from "@/lib/users/testing";
import { setupTestDatabase } from "@/test/db";
import { actAs } from "@/test/session";
import { createWordAction, deleteWordAction, updateWordAction } from "./actions";
import { findWords } from "./match";
import { listCheckWords } from "./queries";

setupTestDatabase();

let admin: SessionUser;
let editor: SessionUser;
let reviewer: SessionUser;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  editor = await createTestUser("EDITOR");
  reviewer = await createTestUser("REVIEWER");
});
beforeEach(() => actAs(admin));

describe("the default word list", () => {
  it("ships with warnings that suggest the right term and blocking banned usages", async () => {
    const words = await listCheckWords();
    const text = "截止目前，做为试点，再接再励；有人称台湾总统，北朝鲜也发表声明";
    const found = findWords(text, words).map((m) => [m.word, m.blocking, m.replacement]);
    expect(found).toEqual([
      ["截止目前", false, "截至目前"],
      ["做为", false, "作为"],
      ["再接再励", false, "再接再厉"],
      ["台湾总统", true, "台湾地区领导人"],
      ["北朝鲜", true, "朝鲜"],
    ]);
    expect(findWords("截至目前，作为试点，再接再厉，台湾地区领导人", words)).toEqual([]);
  });
});

describe("word actions", () => {
  it("creates a word and audits it", async () => {
    const result = await createWordAction({ word: " 按装 ", blocking: false, replacement: "安装", note: "错别字" });
    expect(result.ok).toBe(true);
    const word = await db().sensitiveWord.findUniqueOrThrow({ where: { word: "按装" } });
    expect(word).toMatchObject({ blocking: false, replacement: "安装", note: "错别字" });
    const entry = await lastAudit("word.create");
    expect(entry).toMatchObject({ actorId: admin.id, actorLabel: admin.email, targetType: "word", targetId: String(word.id) });
    expect(entry?.detail).toMatchObject({ word: "按装", replacement: "安装" });
  });

  it("refuses a duplicate word with a message on the field", async () => {
    const result = await createWordAction({ word: "做为", blocking: true, replacement: "" });
    expect(result).toMatchObject({ ok: false, code: "conflict", error: "“做为”已在词库中。" });
    expect(result.ok || result.details).toEqual({ fieldErrors: { word: ["该词已在词库中"] } });
  });

  it("validates: empty word, replacement equal to the word, too long", async () => {
    const empty = await createWordAction({ word: "  ", blocking: false, replacement: "" });
    expect(empty).toMatchObject({ ok: false, code: "invalid", fieldErrors: { word: ["请输入词语"] } });
    const same = await createWordAction({ word: "某词", blocking: false, replacement: "某词" });
    expect(same).toMatchObject({ ok: false, fieldErrors: { replacement: ["建议替换不能与词语相同"] } });
    const long = await createWordAction({ word: "字".repeat(51), blocking: false, replacement: "" });
    expect(long).toMatchObject({ ok: false, code: "invalid" });
  });

  it("updates a word and records what changed", async () => {
    const created = await createWordAction({ word: "渡假", blocking: false, replacement: "度假" });
    if (!created.ok) throw new Error(created.error);
    const result = await updateWordAction({ id: created.data.id, word: "渡假", blocking: true, replacement: "度假", note: "改为阻止" });
    expect(result.ok).toBe(true);
    expect(await db().sensitiveWord.findUnique({ where: { id: created.data.id } })).toMatchObject({ blocking: true, note: "改为阻止" });
    const entry = await lastAudit("word.update");
    expect(entry?.detail).toEqual({ changes: { blocking: [false, true], note: ["", "改为阻止"] } });
  });

  it("refuses to rename a word onto another listed word", async () => {
    const created = await createWordAction({ word: "松驰了", blocking: false, replacement: "" });
    if (!created.ok) throw new Error(created.error);
    const result = await updateWordAction({ id: created.data.id, word: "做为", blocking: false, replacement: "" });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
  });

  it("deletes a word and keeps what it was in the audit entry", async () => {
    const created = await createWordAction({ word: "凑和", blocking: false, replacement: "凑合" });
    if (!created.ok) throw new Error(created.error);
    expect((await deleteWordAction({ id: created.data.id })).ok).toBe(true);
    expect(await db().sensitiveWord.findUnique({ where: { id: created.data.id } })).toBeNull();
    expect((await lastAudit("word.delete"))?.detail).toMatchObject({ word: "凑和", replacement: "凑合" });
    const again = await deleteWordAction({ id: created.data.id });
    expect(again).toMatchObject({ ok: false, code: "not_found" });
  });

  it("is forbidden to editors and reviewers, and to anonymous callers", async () => {
    const before = await db().sensitiveWord.count();
    for (const user of [editor, reviewer]) {
      actAs(user);
      expect(await createWordAction({ word: "禁止", blocking: true, replacement: "" })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await deleteWordAction({ id: 1 })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await updateWordAction({ id: 1, word: "x", blocking: false, replacement: "" })).toMatchObject({ ok: false, code: "forbidden" });
    }
    actAs(null);
    expect(await createWordAction({ word: "禁止", blocking: true, replacement: "" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await db().sensitiveWord.count()).toBe(before);
  });
});
