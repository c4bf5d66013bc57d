import { describe, expect, it } from "vitest";
import { problems } from "./allowlist-check";
import { sanitizeRichHtml } from "./html";
import { XSS_VECTORS } from "./xss-corpus";

/** A small deterministic PRNG, so that a failing fuzz case can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  "<", ">", "/", "\"", "'", "=", " ", "&#", "&#x", ";", "&lt;", "&colon;", "\t", "\n", "\u0000", "<!--", "-->", "<![CDATA[", "]]>",
  "script", "img", "a", "p", "svg", "math", "style", "iframe", "table", "td", "figure", "h2", "object", "embed", "form", "input",
  "onerror", "onload", "onclick", "href", "src", "srcset", "style", "target", "xlink:href", "formaction", "background",
  "javascript:", "JaVaScRiPt:", "java\tscript:", "vbscript:", "data:text/html,", "data:image/svg+xml,", "//evil.example", "/\\evil",
  "alert(1)", "expression(", "url(", "text-align:center", "width:50%", "_blank", "_top", "https://ok.example/", "/media/a.jpg",
  "正文", "x",
];

describe("sanitizeRichHtml", () => {
  it("is checked by a checker that does see dangerous markup", () => {
    expect(problems('<img src="javascript:alert(1)" onerror="x">')).toEqual(["<img src=javascript:alert(1)>", "<img onerror>"]);
    expect(problems('<a href="//evil.example" target="_top">x</a><iframe></iframe>')).toEqual(["<a href=//evil.example>", "<a target=_top rel=null>", "tag <iframe>"]);
  });

  it.each(XSS_VECTORS.map((v, i) => [i, v]))("neutralises known vector #%i", (_i, vector) => {
    expect(problems(sanitizeRichHtml(vector as string))).toEqual([]);
  });

  it("lets nothing executable through 3 000 random mixtures of dangerous fragments", () => {
    const random = prng(20240601);
    for (let run = 0; run < 3000; run++) {
      const length = 5 + Math.floor(random() * 40);
      let html = "";
      for (let i = 0; i < length; i++) html += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
      const found = problems(sanitizeRichHtml(html));
      if (found.length) throw new Error(`run ${run}: ${JSON.stringify(html)} → ${found.join(", ")}`);
    }
  });

  it("keeps what articles legitimately use", () => {
    const html =
      '<h2 style="text-align:center">一、总体要求</h2><p data-indent="0" style="text-align:right">市政府办公室</p>' +
      '<p><strong>加粗</strong><em>斜体</em><u>下划线</u><s>删除线</s><a href="/articles/1">站内</a>' +
      '<a href="mailto:ban@example.gov.cn">邮件</a><a href="https://www.gov.cn/" target="_blank">外链</a></p>' +
      '<figure class="article-figure"><img src="/media/images/a/w960.jpg" alt="图" style="width:50%" data-width="50">' +
      "<figcaption>图注</figcaption></figure>" +
      '<table><tbody><tr><th colspan="2">表头</th></tr><tr><td rowspan="2">单元格</td></tr></tbody></table>';
    const out = sanitizeRichHtml(html);
    expect(problems(out)).toEqual([]);
    for (const kept of ['<h2 style="text-align:center">', '<a href="/articles/1">', 'href="mailto:ban@example.gov.cn"', 'style="width:50%"', '<th colspan="2">', "<figcaption>图注</figcaption>"]) {
      expect(out).toContain(kept);
    }
    expect(out).toContain('target="_blank" rel="noopener noreferrer"');
  });

  it("drops styles beyond alignment, indent and image width", () => {
    const out = sanitizeRichHtml('<p style="text-align:center;font-family:仿宋_GB2312;color:red">x</p><img src="/a.jpg" style="width:37%;position:fixed">');
    expect(out).toBe('<p style="text-align:center">x</p><img src="/a.jpg" />');
  });
});
