import { fill } from "@/lib/i18n/fill";
import { findBodyRefs } from "../body";
import { readPages, extract, type HtmlSourceOptions } from "./source";

/**
 * `--check`: what the selectors find on the first pages, so that a person can tune
 * them before the real run. Reads only; needs no database.
 */
export async function checkPages(options: Pick<HtmlSourceOptions, "input" | "baseUrl" | "selectors" | "timeZone">, sample: number, print: (line: string) => void): Promise<{ ok: number; failed: number }> {
  let ok = 0;
  let failed = 0;
  for await (const page of readPages(options)) {
    if (ok + failed >= sample) break;
    print(`\n== ${page.url}`);
    if (!page.html) {
      failed++;
      print(`  ✗ ${page.problem}`);
      continue;
    }
    const result = extract({ url: page.url, html: page.html }, options.selectors, options.timeZone);
    if (!result.ok) {
      failed++;
      print(`  ✗ ${result.problem}`);
      continue;
    }
    ok++;
    const p = result.page;
    const refs = findBodyRefs(p.bodyHtml, page.url);
    const text = p.bodyHtml.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
    print(`  预设：${p.preset}`);
    print(`  标题：${p.title}`);
    print(`  公开日期：${p.publishedAt ? p.publishedAt.toISOString() : "（未找到，将用导入时间）"}`);
    print(`  作者：${p.author || "（无）"}  来源：${p.source || "（无）"}`);
    print(`  正文：${[...text].slice(0, 120).join("")}${[...text].length > 120 ? "……" : ""}`);
    print(fill("  图片 {p} 张，附件 {a} 个", { p: refs.pictures.length, a: refs.attachments.length }));
  }
  print(`\n共检查 ${ok + failed} 个页面：${ok} 个可以提取，${failed} 个不符合。`);
  return { ok, failed };
}
