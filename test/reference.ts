import fs from "node:fs";
import path from "node:path";

/**
 * The reference article page (../shared/seed-article.txt), parsed into what the tests
 * compare against. Read from shared/, never from the seed data, so that a change to
 * the seed that drifts from the reference fails.
 */
export function readReferenceArticle() {
  const file = path.join(process.cwd(), "..", "shared", "seed-article.txt");
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const titleLine = lines.find((l) => l.startsWith("标"))!;
  const title = titleLine.replace(/^标\s*题\s*/, "").trim();
  const date = lines.find((l) => l.startsWith("公开日期"))!.replace("公开日期", "").trim();
  const metaIndex = lines.findIndex((l) => l.startsWith("作者:"));
  const meta = lines[metaIndex];
  const author = /作者:(\S+)/.exec(meta)![1];
  const source = /来源:(\S+)/.exec(meta)![1];
  const end = lines.findIndex((l) => l.startsWith("上一条"));
  const body = lines.slice(metaIndex + 1, end).filter((l) => l.trim() !== "");
  const isImage = (l: string) => /^640( \(\d+\))?$/.test(l.trim());
  return {
    title,
    date,
    author,
    source,
    textBlocks: body.filter((l) => !isImage(l)),
    imageCount: body.filter(isImage).length,
    footer: lines.slice(lines.findIndex((l) => l.startsWith("网站地图"))),
  };
}
