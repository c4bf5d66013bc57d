import { beforeAll, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { actAs } from "@/test/session";
import { createColumn, createDraft, createUser } from "@/test/factories";
import { db } from "@/lib/db/client";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";

// The request the actions run in: the app server's resolved client address and the browser.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ [CLIENT_IP_HEADER]: "203.0.113.7", "user-agent": "Mozilla/5.0 (X11; Linux x86_64) ReviewTest" }),
}));

const { approveArticle, publishArticle, submitArticle } = await import("@/lib/workflow/actions");

setupTestDatabase();

type Who = Awaited<ReturnType<typeof createUser>>;
let column: { id: number };
let editor: Who, reviewer: Who, reviewer2: Who;

beforeAll(async () => {
  column = await createColumn(2);
  editor = await createUser("EDITOR", [column.id]);
  reviewer = await createUser("REVIEWER", [column.id]);
  reviewer2 = await createUser("REVIEWER", [column.id]);
});

const as = (who: Who) => actAs({ ...who, securityStep: null });

async function lastEntry(actorId: number) {
  return db().auditEntry.findFirstOrThrow({ where: { actorId }, orderBy: { id: "desc" } });
}

describe("the audit trail of the workflow", () => {
  it("records each step with the client's address and browser", async () => {
    const draft = await createDraft(editor.id, column.id);
    as(editor);
    expect(await submitArticle({ articleId: draft.id })).toMatchObject({ ok: true });
    expect(await lastEntry(editor.id)).toMatchObject({ action: "article.submit", targetId: String(draft.id), ip: "203.0.113.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64) ReviewTest" });
  });

  it("logs refused attempts with who, what and why: own article, twice, no permission, a stale version", async () => {
    const own = await createDraft(reviewer.id, column.id);
    as(reviewer);
    expect(await submitArticle({ articleId: own.id })).toMatchObject({ ok: true });
    const ownVersion = (await db().article.findUniqueOrThrow({ where: { id: own.id } })).version;
    expect(await approveArticle({ articleId: own.id, version: ownVersion })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await lastEntry(reviewer.id)).toMatchObject({
      action: "refused.forbidden",
      targetType: "article",
      targetId: String(own.id),
      ip: "203.0.113.7",
      detail: { action: "workflow.approve", reason: "不能审核自己撰写的文章。" },
    });

    const draft = await createDraft(editor.id, column.id);
    as(editor);
    await submitArticle({ articleId: draft.id });
    const version = (await db().article.findUniqueOrThrow({ where: { id: draft.id } })).version;
    as(reviewer);
    expect(await approveArticle({ articleId: draft.id, version })).toMatchObject({ ok: true });
    // The same reviewer again, for level 2.
    expect(await approveArticle({ articleId: draft.id, version })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await lastEntry(reviewer.id)).toMatchObject({ action: "refused.forbidden", detail: { action: "workflow.approve", reason: expect.stringContaining("同一人不能审核") } });

    // An editor may not approve at all (the role check of the wrapper).
    as(editor);
    expect(await approveArticle({ articleId: draft.id, version })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await lastEntry(editor.id)).toMatchObject({ action: "refused.forbidden", targetId: String(draft.id), detail: { action: "workflow.approve", reason: "您没有权限执行此操作。" } });

    // A version that is no longer the current one.
    as(reviewer2);
    expect(await approveArticle({ articleId: draft.id, version: version + 1 })).toMatchObject({ ok: false, code: "conflict" });
    expect(await lastEntry(reviewer2.id)).toMatchObject({ action: "refused.conflict", detail: { action: "workflow.approve", reason: expect.stringContaining("文章已被修改") } });

    // Publishing before the last level approved: the state refuses it.
    expect(await publishArticle({ articleId: draft.id })).toMatchObject({ ok: false, code: "conflict" });
    expect(await lastEntry(reviewer2.id)).toMatchObject({ action: "refused.conflict", detail: { action: "workflow.publish" } });
  });

  it("does not log bad input as a refusal", async () => {
    as(reviewer2);
    const before = await db().auditEntry.count();
    expect(await approveArticle({ articleId: "x" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await db().auditEntry.count()).toBe(before);
  });
});
