import { beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { WithdrawnNotice } from "@/components/site/withdrawn-notice";
import { setupTestDatabase } from "@/test/db";
import { createColumn, createUser } from "@/test/factories";
import { createArticle } from "@/test/public-articles";
import { getPublicArticleContent, getWithdrawnArticle } from "./queries";

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
});

describe("withdrawn articles (撤稿, 410 Gone)", () => {
  it("are told from live, draft and unknown ones, and are not public", async () => {
    expect(await getWithdrawnArticle(withdrawn)).toMatchObject({ id: withdrawn, withdrawnAt: expect.any(Date) });
    expect(await getPublicArticleContent(withdrawn)).toBeNull();
    for (const id of [live, draft, 999_999]) expect(await getWithdrawnArticle(id)).toBeNull();
  });

  // The page answers 410 because its loader says so (lib/site/render.test.tsx); the notice itself asks for nothing.
  it("show a notice with the date, not the reason", async () => {
    const { withdrawnAt } = (await getWithdrawnArticle(withdrawn))!;
    const notice = renderToStaticMarkup(<WithdrawnNotice withdrawnAt={withdrawnAt} />);
    expect(notice).toContain("该信息已撤回");
    expect(notice).toMatch(/已于 \d{4}-\d{2}-\d{2} 撤回/);
    expect(notice).not.toContain("data-http-status");
  });
});
