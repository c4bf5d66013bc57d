import { describe, expect, it } from "vitest";
import { renderArticleHtml } from "./html";

describe("the HTML download's body", () => {
  it("keeps to the rich-text elements even if a stored body held more", async () => {
    const html = await renderArticleHtml({
      view: {
        id: 3, title: "标题", titleTags: [], subtitle: "", author: "", source: "", publishedAt: new Date("2024-01-02T03:04:05Z"), viewCount: 0,
        bodyHtml: '<p>正文</p><script>alert(1)</script><style>p{}</style><iframe src="https://x.example"></iframe><h2>小标题</h2>',
        attachments: [], disclosure: null, corrections: [],
      },
      bodyJson: { type: "doc", content: [] },
      siteName: "乌海市人民政府",
      url: "https://www.example.gov.cn/articles/3",
      baseUrl: "https://www.example.gov.cn",
    });
    expect(html).toContain("<p>正文</p>");
    expect(html).toContain("<h2>小标题</h2>");
    expect(html).not.toContain("alert(1)");
    expect(html).not.toContain("<iframe");
    expect(html).not.toContain("p{}");
  });
});
