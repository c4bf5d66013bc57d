import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pageScripts, snapshotArticlePage } from "./js-size";

describe("first-load JavaScript of a page", () => {
  it("counts every script the page runs, read from the build, and not its JSON-LD", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "js-size-"));
    const dist = path.join(root, ".next");
    const pub = path.join(root, "public");
    fs.mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
    fs.mkdirSync(pub);
    const chunk = "console.log('runtime');".repeat(50);
    fs.writeFileSync(path.join(dist, "static", "chunks", "a.js"), chunk);
    fs.writeFileSync(path.join(pub, "site.js"), "document.title='x'");
    const html = `<head><script src="/_next/static/chunks/a.js" async=""></script><script>var early=1</script></head>
      <body><script type="application/ld+json">{"@type":"NewsArticle"}</script><script src="/site.js?v=abc" defer=""></script></body>`;
    const size = pageScripts(html, dist, pub);
    expect(size.files.map((f) => f.file)).toEqual(["/_next/static/chunks/a.js", "(inline script 1)", "/site.js"]);
    expect(size.totalBytes).toBe(chunk.length + "var early=1".length + "document.title='x'".length);
    expect(size.files[0].gzip).toBe(gzipSync(chunk, { level: 9 }).length);

    const snapshot = path.join(root, "static");
    expect(snapshotArticlePage(snapshot)).toBeNull();
    fs.mkdirSync(path.join(snapshot, "articles", "12"), { recursive: true });
    fs.writeFileSync(path.join(snapshot, "articles", "12", "index.html"), html);
    expect(snapshotArticlePage(snapshot)?.html).toBe(html);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
