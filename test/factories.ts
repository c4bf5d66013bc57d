import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/client";
import { prepareBody } from "@/lib/articles/body";

/**
 * Rows for integration tests, written straight to the (throwaway) database.
 * Users get an unusable password hash: tests act through functions, not the login form.
 */
export async function createUser(role: Role, columnIds: number[] = [], name = `${role.toLowerCase()}-${crypto.randomBytes(3).toString("hex")}`) {
  const user = await db().user.create({
    data: { email: `${name}@test.invalid`, name, role, passwordHash: "!", columns: { create: columnIds.map((columnId) => ({ columnId })) } },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, columnIds, mustChangePassword: false };
}

export async function createColumn(reviewLevels = 1, parentId: number | null = null) {
  const slug = `col-${crypto.randomBytes(4).toString("hex")}`;
  return db().column.create({ data: { name: `栏目${slug}`, slug, reviewLevels, parentId } });
}

/** A draft with its first revision, as a save would leave it. */
export async function createDraft(authorId: number, columnId: number, fields: { title?: string; body?: string } = {}) {
  const body = prepareBody({
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: fields.body ?? "这是一篇测试文章的正文。" }] }],
  });
  const content = {
    title: fields.title ?? `测试文章${crypto.randomBytes(3).toString("hex")}`,
    titleTags: [],
    subtitle: "",
    author: "测试作者",
    source: "测试来源",
    summary: "",
    bodyJson: body.bodyJson as object,
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
  };
  const article = await db().article.create({
    data: { ...content, columnId, createdById: authorId, updatedById: authorId },
  });
  await db().articleRevision.create({ data: { ...content, articleId: article.id, version: 1, authorId } });
  return article;
}
