import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { createTopic, deleteTopic, moveTopic, renameTopic } from "./mutations";
import { listTopicNames, listTopicsWithUsage } from "./queries";

setupTestDatabase();

let admin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  admin = await createUser("ADMIN");
});

const idOf = async (name: string) => (await db().topic.findUniqueOrThrow({ where: { name } })).id;

describe("the 主题分类 list", () => {
  it("starts with the 国务院 themes the migration seeds, in their order", async () => {
    const names = await listTopicNames();
    expect(names).toHaveLength(21);
    expect(names.slice(0, 3)).toEqual(["综合政务", "国民经济管理、国有资产监管", "财政、金融、审计"]);
    expect(names.at(-1)).toBe("其他");
  });

  it("adds a theme at the end and refuses a second one of the same name, on its field", async () => {
    await createTopic("营商环境", admin);
    expect((await listTopicNames()).at(-1)).toBe("营商环境");
    await expect(createTopic("营商环境", admin)).rejects.toMatchObject({ code: "conflict", details: { fieldErrors: { name: ["该分类已在列表中"] } } });
    expect(await db().auditEntry.count({ where: { action: "topic.create" } })).toBe(1);
  });

  it("moves a theme one place, and not past either end", async () => {
    const id = await idOf("营商环境");
    await moveTopic({ id, direction: "up" }, admin);
    expect((await listTopicNames()).slice(-2)).toEqual(["营商环境", "其他"]);
    await moveTopic({ id: await idOf("综合政务"), direction: "up" }, admin);
    expect((await listTopicNames())[0]).toBe("综合政务");
    expect(await db().auditEntry.count({ where: { action: "topic.move" } })).toBe(1);
  });

  it("renames a theme with the articles that use it, working copies and revisions", async () => {
    const column = await createColumn();
    const article = await createArticle({ columnId: column.id, authorId: admin.id });
    await db().article.update({ where: { id: article.id }, data: { topic: "营商环境" } });
    await db().articleRevision.updateMany({ where: { articleId: article.id }, data: { topic: "营商环境" } });
    expect((await listTopicsWithUsage()).find((t) => t.name === "营商环境")?.usage).toBe(1);

    await renameTopic({ id: await idOf("营商环境"), name: "优化营商环境" }, admin);
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).topic).toBe("优化营商环境");
    expect((await db().articleRevision.findMany({ where: { articleId: article.id } })).map((r) => r.topic)).toEqual(["优化营商环境"]);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "topic.update" } });
    expect(entry.detail).toMatchObject({ changes: { name: ["营商环境", "优化营商环境"] }, articles: 1 });
    await expect(renameTopic({ id: await idOf("优化营商环境"), name: "其他" }, admin)).rejects.toMatchObject({ code: "conflict" });
  });

  it("deletes only a theme no article uses", async () => {
    await expect(deleteTopic(await idOf("优化营商环境"), admin)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("有 1 篇文章使用") });
    await deleteTopic(await idOf("国防"), admin);
    expect(await listTopicNames()).not.toContain("国防");
    expect(await db().auditEntry.count({ where: { action: "topic.delete" } })).toBe(1);
  });
});
