import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportItem, SourceEntry } from "./item";
import { openWordPressExport, wordPressDate } from "./wordpress";

const FIXTURES = path.join(import.meta.dirname, "fixtures");

async function collect(entries: AsyncIterable<SourceEntry>): Promise<SourceEntry[]> {
  const out: SourceEntry[] = [];
  for await (const e of entries) out.push(e);
  return out;
}
const items = (entries: SourceEntry[]) => entries.flatMap((e) => ("problem" in e ? [] : [e.item]));

describe("the WordPress export reader", () => {
  it("reads posts with their dates, author, excerpt, categories, featured image and attachments", async () => {
    const source = await openWordPressExport(path.join(FIXTURES, "wordpress-export.xml"), { pages: false, timeZone: "Asia/Shanghai" });
    const read = items(await collect(source.entries));
    expect(source.siteUrl).toBe("http://old.example.gov.cn");
    expect(source.channel.categories.get("notice")?.name).toBe("通知公告");
    expect(read.map((i) => i.key)).toEqual(["post:101", "post:102", "post:104"]);
    const post = read[0] as ImportItem;
    expect(post).toMatchObject({
      title: "乌海：笃行实干 奋勇争先 全力推动“五大任务”见行见效",
      oldUrl: "http://old.example.gov.cn/2023/07/30/wudarenwu/",
      author: "市政府办公室",
      summary: "我市全力推动“五大任务”见行见效。",
      categories: ["news", "notice"],
      status: "publish",
      coverUrl: "http://old.example.gov.cn/wp-content/uploads/2023/07/shifanyuan.png",
      attachmentUrls: [{ url: "http://old.example.gov.cn/wp-content/uploads/2023/07/shishi-fangan.pdf", name: "实施方案" }],
    });
    expect(post.publishedAt?.toISOString()).toBe("2023-07-30T10:04:25.000Z");
    // The caption shortcode goes, its picture stays; the comment is not part of the post.
    expect(post.bodyHtml).not.toContain("[caption");
    expect(post.bodyHtml).toContain("shifanyuan.png");
    expect(post.bodyHtml).not.toContain("这不是正文");
  });

  it("keeps a draft a draft, dated in the site's time zone when it has no GMT date", async () => {
    const source = await openWordPressExport(path.join(FIXTURES, "wordpress-export.xml"), { pages: false, timeZone: "Asia/Shanghai" });
    const draft = items(await collect(source.entries)).find((i) => i.key === "post:102")!;
    expect(draft.status).toBe("draft");
    expect(draft.publishedAt?.toISOString()).toBe("2023-07-31T00:30:00.000Z");
  });

  it("reads pages only when asked", async () => {
    const source = await openWordPressExport(path.join(FIXTURES, "wordpress-export.xml"), { pages: true, timeZone: "Asia/Shanghai" });
    const page = items(await collect(source.entries)).find((i) => i.key === "page:103");
    expect(page?.title).toBe("机构职能");
    expect(page?.categories).toEqual([]);
  });

  it("reports a malformed item with its line and goes on with the next", async () => {
    const source = await openWordPressExport(path.join(FIXTURES, "broken-export.xml"), { pages: false, timeZone: "Asia/Shanghai" });
    const entries = await collect(source.entries);
    expect(items(entries).map((i) => i.title)).toEqual(["一篇好的文章", "之后的文章"]);
    const problems = entries.filter((e) => "problem" in e);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ item: "坏掉的条目 & 未转义" });
    expect("problem" in problems[0] && problems[0].problem).toMatch(/XML 格式错误（第 \d+ 行）/);
  });

  it("reads WordPress dates", () => {
    expect(wordPressDate("2023-07-30 10:04:25", "2023-07-30 18:04:25", "Asia/Shanghai")?.toISOString()).toBe("2023-07-30T10:04:25.000Z");
    expect(wordPressDate("0000-00-00 00:00:00", "2023-01-01 00:00:00", "Asia/Shanghai")?.toISOString()).toBe("2022-12-31T16:00:00.000Z");
    expect(wordPressDate(undefined, "garbage", "Asia/Shanghai")).toBeNull();
  });
});
