import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ArticleViewData } from "@/lib/articles/view";
import { ArticleView } from "./article-view";

const article: ArticleViewData = {
  id: 7,
  title: "乌海:笃行实干 奋勇争先",
  titleTags: ["媒体解读", "五大任务"],
  subtitle: "",
  author: "市政府办公室",
  source: "乌海新闻",
  publishedAt: new Date("2023-07-30T10:04:25Z"),
  viewCount: 42,
  bodyHtml: "<h2>擦亮生态底色</h2><p>正文</p>",
  attachments: [{ name: "实施方案.pdf", href: "/media/files/a.pdf", mimeType: "application/pdf", size: 2_400_000 }],
  disclosure: { indexNo: "11150300MB1234567X/2023-00012", topic: "综合政务", issuingOrg: "乌海市人民政府办公室", writtenAt: new Date("2023-07-28T00:00:00Z"), docNo: "乌政办发〔2023〕12号" },
  corrections: [{ note: "更正了第二段的数据。", createdAt: new Date("2023-08-01T02:00:00Z") }],
};

describe("ArticleView", () => {
  it("renders the public article with its metadata, actions and view beacon", () => {
    const html = renderToStaticMarkup(<ArticleView article={article} mode="public" closeHref="/columns/media" />);
    expect(html).toContain("【媒体解读】【五大任务】乌海:笃行实干 奋勇争先");
    expect(html).toContain("2023-07-30 18:04:25");
    expect(html).toContain("作者：市政府办公室");
    expect(html).toContain("来源：乌海新闻");
    expect(html).toContain('data-testid="view-count"');
    expect(html).toContain("/articles/7/download?format=docx");
    expect(html).toContain("关闭");
    expect(html).toContain("乌政办发〔2023〕12号");
    expect(html).toContain("2023-07-28");
    expect(html).toContain("（PDF，2.3 MB）");
    expect(html).toContain("更正了第二段的数据。");
  });

  it("in preview mode shows the same article but neither counts the view nor offers downloads or 关闭", () => {
    const html = renderToStaticMarkup(<ArticleView article={{ ...article, id: null, publishedAt: null }} mode="preview" />);
    expect(html).toContain("【媒体解读】【五大任务】乌海:笃行实干 奋勇争先");
    expect(html).toContain("<h2>擦亮生态底色</h2>");
    expect(html).not.toContain('data-testid="view-count"');
    expect(html).not.toContain("download?format");
    expect(html).not.toContain("关闭");
    // A saved but unpublished article in preview: still no beacon.
    expect(renderToStaticMarkup(<ArticleView article={article} mode="preview" />)).not.toContain('data-testid="view-count"');
  });
});
