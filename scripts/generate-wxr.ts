/**
 * npx tsx scripts/generate-wxr.ts <out-dir> [--items 10000] [--pictures 10000]
 *
 * A synthetic WordPress export for measuring the import (docs/deploy.md): <out-dir>/export.xml
 * with N posts in a few categories, each with a picture, and <out-dir>/uploads/ holding
 * the pictures (distinct JPEGs), to be read with --uploads. Written as a stream.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { items: { type: "string", default: "10000" }, pictures: { type: "string", default: "10000" } } });
const [out] = positionals;
if (!out) {
  console.error("usage: npx tsx scripts/generate-wxr.ts <out-dir> [--items N] [--pictures N]");
  process.exit(2);
}
const items = Number(values.items);
const pictures = Math.min(items, Number(values.pictures));
const SITE = "http://old.example.gov.cn";
fs.mkdirSync(path.join(out, "uploads", "2023", "07"), { recursive: true });

for (let i = 0; i < pictures; i++) {
  const file = path.join(out, "uploads", "2023", "07", `p${i}.jpg`);
  if (fs.existsSync(file)) continue;
  const hue = (i * 37) % 360;
  await sharp({ create: { width: 400, height: 300, channels: 3, background: `hsl(${hue}, 60%, ${30 + (i % 40)}%)` } })
    .composite([{ input: Buffer.from(`<svg width="400" height="300"><text x="20" y="160" font-size="48" fill="white">${i}</text></svg>`) }])
    .jpeg({ quality: 80 })
    .toFile(file);
}

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
const stream = fs.createWriteStream(path.join(out, "export.xml"));
const write = (s: string) => new Promise<void>((resolve) => (stream.write(s) ? resolve() : stream.once("drain", resolve)));
await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>合成站点</title><link>${SITE}</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>${SITE}</wp:base_site_url>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata("工作动态")}</wp:cat_name></wp:category>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>notice</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata("通知公告")}</wp:cat_name></wp:category>
`);
const paragraph = "今年以来，我市完整、准确、全面贯彻新发展理念，全力以赴调结构、转动能、提质量，坚决推动各项任务高质高效落实。";
for (let i = 0; i < items; i++) {
  const day = new Date(Date.UTC(2015, 0, 1) + i * 6 * 3600 * 1000);
  const stamp = day.toISOString().slice(0, 19).replace("T", " ");
  const picture = i < pictures ? `<img src="${SITE}/wp-content/uploads/2023/07/p${i % pictures}.jpg" alt="第 ${i} 篇的图片" />` : "";
  await write(`<item><title>${cdata(`合成文章第 ${i} 篇：工作动态`)}</title><link>${SITE}/${stamp.slice(0, 4)}/post-${i}/</link><dc:creator>editor</dc:creator>
<content:encoded>${cdata(`${paragraph}\n\n${picture}\n\n${paragraph.repeat(3)}\n\n${paragraph}`)}</content:encoded><excerpt:encoded>${cdata("")}</excerpt:encoded>
<wp:post_id>${1000 + i}</wp:post_id><wp:post_date>${cdata(stamp)}</wp:post_date><wp:post_date_gmt>${cdata(stamp)}</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>
<category domain="category" nicename="${i % 3 ? "news" : "notice"}">${cdata(i % 3 ? "工作动态" : "通知公告")}</category></item>
`);
}
await write("</channel></rss>\n");
await new Promise<void>((resolve) => stream.end(resolve));
console.log(`wrote ${items} posts and ${pictures} pictures to ${out}`);
