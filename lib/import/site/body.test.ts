import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readLocalFile } from "./assets";
import { autoParagraphs, bodyToRichText, findBodyRefs } from "./body";

describe("an imported body", () => {
  it("gets WordPress's paragraphs: blank lines part them, a single newline breaks the line", () => {
    expect(autoParagraphs("第一段。\n\n第二段第一行\n第二行")).toBe("<p>第一段。</p>\n<p>第二段第一行<br>\n第二行</p>");
    expect(autoParagraphs("<p>已有段落</p>\n\n<p>第二段</p>")).toBe("<p>已有段落</p>\n\n<p>第二段</p>");
  });

  it("finds pictures (lazy-loading attributes too) and attachment links, absolute against the page", () => {
    const refs = findBodyRefs(
      '<p><img data-src="a.png" src="data:image/gif;base64,R0lGOD"><img src="/b.jpg"><img src="/b.jpg"></p><p><a href="files/方案.pdf">方案</a> <a href="/other.html">另一页</a> <a href="javascript:alert(1)">x</a></p>',
      "http://old.example.gov.cn/news/2023/page.html",
    );
    expect(refs.pictures).toEqual(["http://old.example.gov.cn/news/2023/a.png", "http://old.example.gov.cn/b.jpg"]);
    expect(refs.attachments).toEqual([{ url: `http://old.example.gov.cn/news/2023/files/${encodeURIComponent("方案")}.pdf`, name: "方案" }]);
  });

  it("becomes the editor's JSON with stored pictures and files, and without those that could not be stored", () => {
    const refs = findBodyRefs('<p style="font-family:仿宋">正文<img src="/ok.png" alt="好图"><img src="/gone.png" alt="坏图"> <a href="/f.pdf">附件</a></p>', "http://old.example.gov.cn/");
    const { doc, text } = bodyToRichText(
      refs,
      new Map([["http://old.example.gov.cn/ok.png", { id: 7, src: "/media/images/2026/x/w480.jpg", srcset: "/media/images/2026/x/w480.webp 480w" }]]),
      new Map([["http://old.example.gov.cn/f.pdf", "/media/files/2026/y.pdf"]]),
    );
    const json = JSON.stringify(doc);
    expect(json).toContain('"src":"/media/images/2026/x/w480.jpg"');
    expect(json).toContain('"mediaId":7');
    expect(json).not.toContain("gone.png");
    expect(json).toContain("/media/files/2026/y.pdf");
    expect(json).not.toContain("仿宋");
    expect(text).toContain("正文");
  });
});

describe("a local copy of the old site's files", () => {
  it("is read inside its folder only", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gazette-copy-"));
    fs.writeFileSync(path.join(dir, "a.png"), "x");
    try {
      expect(await readLocalFile(dir, "a.png", 10)).toMatchObject({ ok: true, name: "a.png" });
      expect(await readLocalFile(dir, "../../etc/passwd", 10_000)).toEqual({ ok: false, reason: "文件不在指定的文件夹内" });
      expect(await readLocalFile(dir, "missing.png", 10)).toEqual({ ok: false, reason: "本地副本中没有这个文件" });
      expect(await readLocalFile(dir, "a.png", 0)).toEqual({ ok: false, reason: "文件过大" });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
