import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { adminListFilterSchema } from "@/lib/articles/schema";
import { ListPagination, SearchOrder } from "./article-table";

const filter = adminListFilterSchema.parse({ status: "PUBLISHED" });
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("ListPagination", () => {
  it("gives the exact total, and a last page link", () => {
    const html = renderToStaticMarkup(<ListPagination filter={filter} page={1} pageCount={3} total={45} capped={false} />);
    expect(text(html)).toContain("共 45 篇");
    expect(html).toContain('href="/admin/articles?status=PUBLISHED&amp;page=3"');
  });

  it("past the count's cap says so in words, offers the pages counted, and how to reach the rest", () => {
    const html = renderToStaticMarkup(<ListPagination filter={filter} page={1} pageCount={500} total={10_000} capped />);
    expect(text(html)).toContain("超过 10,000 篇，列出前 500 页");
    expect(text(html)).not.toContain("共 10000 篇");
    expect(html).toContain('href="/admin/articles?status=PUBLISHED&amp;page=500"');
  });

  it("says the same when the counted articles fit on one page", () => {
    expect(text(renderToStaticMarkup(<ListPagination filter={filter} page={1} pageCount={1} total={3} capped />))).toContain("超过 3 篇");
  });
});

describe("SearchOrder", () => {
  const truncated = { matches: 5200, ranked: 1000 };

  it("says whether a search lists its best matches or its newest", () => {
    const byRelevance = text(renderToStaticMarkup(<SearchOrder filter={adminListFilterSchema.parse({ q: "生态" })} truncated={{ ...truncated, newest: false }} />));
    expect(byRelevance).toContain("共有约 5200 篇匹配，这里列出最相关的 1000 篇");
    const byDate = text(renderToStaticMarkup(<SearchOrder filter={adminListFilterSchema.parse({ q: "生态", sort: "updatedAt" })} truncated={{ ...truncated, newest: true }} />));
    expect(byDate).toContain("这里列出最新的 1000 篇");
    expect(byDate).not.toContain("最相关");
  });
});
