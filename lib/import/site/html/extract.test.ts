import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findBodyRefs } from "../body";
import { dateFromAddress, extractPage, extractWithAnyPreset, labelled, readChineseDate } from "./extract";
import { PRESETS, withConfig } from "./presets";

const SITE = path.join(import.meta.dirname, "..", "fixtures", "static-site");
const page = (relative: string) => fs.readFileSync(path.join(SITE, relative), "utf8");
const BASE = "http://www.wuhai.gov.cn";

function extracted(relative: string) {
  const result = extractWithAnyPreset(page(relative), `${BASE}/${relative}`);
  if (!result.ok) throw new Error(result.problem);
  return result.page;
}

describe("static page extraction", () => {
  it("reads a TRS WCM page: metadata first, the body without share, print and close", () => {
    const p = extracted("xwzx/202307/t20230730_123456.html");
    expect(p).toMatchObject({ preset: "trs", title: "我市召开生态环境保护工作会议", source: "乌海日报" });
    expect(p.publishedAt?.toISOString()).toBe("2023-07-30T01:15:00.000Z");
    expect(p.bodyHtml).toContain("持续打好蓝天");
    expect(p.bodyHtml).not.toMatch(/打印|关闭|分享到|首页|ICP/);
    const refs = findBodyRefs(p.bodyHtml, `${BASE}/xwzx/202307/t20230730_123456.html`);
    expect(refs.pictures).toEqual([`${BASE}/xwzx/202307/W020230730123456.png`]);
    expect(refs.attachments).toEqual([{ url: `${BASE}/xwzx/202307/P020230730555.pdf`, name: "会议纪要.pdf" }]);
  });

  it("reads a Hanweb page: 发布日期 in Chinese, 作者 and 信息来源 from the info line", () => {
    const p = extracted("art/2023/7/30/art_123_456.html");
    expect(p).toMatchObject({ preset: "hanweb", title: "关于做好防汛工作的通知", author: "市水务局", source: "市防汛办" });
    expect(p.publishedAt?.toISOString()).toBe("2023-07-29T16:00:00.000Z");
    expect(p.bodyHtml).toContain("加强组织领导");
    expect(p.bodyHtml).not.toMatch(/网站首页|版权所有|打印|关闭|document\.write/);
  });

  it("reads the reference layout (公开日期：… 作者：… 来源：…) and leaves its tools behind", () => {
    const p = extracted("zwgk/reference.html");
    expect(p).toMatchObject({ preset: "reference", title: "【五大任务】乌海：笃行实干 奋勇争先", author: "市政府办公室", source: "乌海新闻" });
    expect(p.publishedAt?.toISOString()).toBe("2023-07-30T10:04:25.000Z");
    expect(p.bodyHtml).toContain("五大任务");
    expect(p.bodyHtml).not.toMatch(/浏览次数|保存|主办/);
  });

  it("names what a page lacks when it does not match the selectors", () => {
    const result = extractPage(page("zwgk/no-body.html"), `${BASE}/zwgk/no-body.html`, PRESETS.trs);
    expect(result).toEqual({ ok: false, problem: "页面不符合“trs”的选择器：找不到正文" });
  });

  it("takes a config file's selectors over a preset's", () => {
    const custom = withConfig(PRESETS.trs, { name: "我的站点", body: [".list"] });
    expect(custom.title).toEqual(PRESETS.trs.title);
    const result = extractPage(page("zwgk/no-body.html"), `${BASE}/zwgk/no-body.html`, custom);
    expect(result.ok && result.page.bodyHtml).toContain("一篇文章");
  });
});

describe("dates and labels", () => {
  it("reads Chinese dates as wall time in the site's zone", () => {
    expect(readChineseDate("2023年7月30日 18:04")?.toISOString()).toBe("2023-07-30T10:04:00.000Z");
    expect(readChineseDate("2023/07/30")?.toISOString()).toBe("2023-07-29T16:00:00.000Z");
    expect(readChineseDate("无日期")).toBeNull();
  });

  it("reads the date a TRS or Hanweb address carries", () => {
    expect(dateFromAddress("http://x.gov.cn/xwzx/202307/t20230730_123456.html")?.toISOString()).toBe("2023-07-29T16:00:00.000Z");
    expect(dateFromAddress("http://x.gov.cn/art/2023/7/30/art_123_456.html")?.toISOString()).toBe("2023-07-29T16:00:00.000Z");
    expect(dateFromAddress("http://x.gov.cn/about.html")).toBeNull();
  });

  it("reads a labelled value up to the next label", () => {
    const line = "公开日期：2023-07-30 18:04:25 作者：市政府办公室 来源：乌海新闻 浏览次数：3";
    expect(labelled(line, "作者")).toBe("市政府办公室");
    expect(labelled(line, "来源")).toBe("乌海新闻");
    expect(labelled("作者：市水务局 信息来源：市防汛办", "作者")).toBe("市水务局");
  });
});
