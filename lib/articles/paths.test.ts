import { describe, expect, it } from "vitest";
import { articleRefresh, locationOf } from "./paths";

describe("articleRefresh", () => {
  const row = (columnId: number, slug: string, titleTags: string[] | null) => ({
    id: 42,
    columnId,
    column: { slug, parent: { slug: "news", parent: null } },
    liveRevision: titleTags ? { titleTags } : null,
  });

  it("refreshes an article moved between columns everywhere it was and is, and the pages that list it", () => {
    const before = locationOf(row(3, "wuhai-news", ["五大任务", "a,b"]));
    const after = locationOf(row(5, "notices", ["媒体解读"]));
    const { paths, tags } = articleRefresh(before, after);
    expect(paths).toEqual(expect.arrayContaining(["/articles/42", "/", "/columns/wuhai-news", "/columns/notices", "/columns/news", "/columns/[slug]/page/[page]|page"]));
    expect(new Set(paths).size).toBe(paths.length);
    // Both columns' article pages (上一条/下一条), and those under the old and the new title tags (相关信息).
    expect(tags).toEqual(["articles", "article:42", "column:3", "column:5", `titletag:${encodeURIComponent("五大任务")}`, "titletag:a%2Cb", `titletag:${encodeURIComponent("媒体解读")}`]);
  });

  it("takes the title tags the public sees: none before the first publication", () => {
    expect(locationOf(row(3, "wuhai-news", null)).titleTags).toEqual([]);
    expect(articleRefresh(null, locationOf(row(3, "wuhai-news", null))).tags).toEqual(["articles", "article:42", "column:3"]);
  });
});
