import { beforeAll, describe, expect, it } from "vitest";
import { GET as withdrawnNotice } from "@/app/(site)/articles/[id]/withdrawn/route";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { articleIdFromPath, isWithdrawnArticle, resetWithdrawnCache } from "./gone";

setupTestDatabase();

let live: number;
let withdrawn: number;
let draft: number;

beforeAll(async () => {
  const columnId = (await createColumn()).id;
  const authorId = (await createUser("EDITOR")).id;
  live = (await createArticle({ columnId, authorId })).id;
  withdrawn = (await createArticle({ columnId, authorId, state: "withdrawn" })).id;
  draft = (await createArticle({ columnId, authorId, state: "draft" })).id;
  resetWithdrawnCache();
});

const notice = (id: number | string) => withdrawnNotice(new Request(`http://x/articles/${id}/withdrawn`), { params: Promise.resolve({ id: String(id) }) });

describe("withdrawn articles (410 Gone)", () => {
  it("recognises article paths with canonical ids only", () => {
    expect(articleIdFromPath("/articles/12")).toBe(12);
    expect(articleIdFromPath("/articles/12/")).toBe(12);
    expect(articleIdFromPath("/articles/012")).toBeNull();
    expect(articleIdFromPath("/articles/12/download")).toBeNull();
    expect(articleIdFromPath("/columns/12")).toBeNull();
  });

  it("tells withdrawn articles from live, draft and unknown ones", async () => {
    expect(await isWithdrawnArticle(withdrawn)).toBe(true);
    for (const id of [live, draft, 999_999]) expect(await isWithdrawnArticle(id)).toBe(false);
  });

  it("serves the notice with 410 for a withdrawn article, 404 for anything else", async () => {
    const response = await notice(withdrawn);
    expect(response.status).toBe(410);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("该信息已撤回");
    expect(html).toMatch(/已于 \d{4}-\d{2}-\d{2} 撤回/);
    // The editor's reason is internal: it is not shown to the public.
    expect(html).not.toContain("信息有误");
    for (const id of [live, draft, 999_999, "abc"]) expect((await notice(id)).status).toBe(404);
  });
});
