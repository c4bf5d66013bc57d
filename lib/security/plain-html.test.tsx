import crypto from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StatusNotice } from "@/components/site/status-notice";
import { sanitizeRichHtml } from "@/lib/sanitize/html";
import { renderRichText } from "@/lib/sanitize/tiptap";
import { readyCachedPage } from "./csp-cache-handler.mjs";
import { isPlainPage, withoutFrameworkRuntime } from "./plain-html.mjs";
import { EARLY_PREFS_SCRIPT } from "./reader-prefs.mjs";

const sha = (text: string) => `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The shape of an App Router page as Next.js 16 renders it (abridged). */
const rendered = [
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="n1" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" nonce="n1" href="/_next/static/chunks/runtime.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/m.js"/>',
  '<script src="/_next/static/chunks/0a.js" async="" nonce="n1"></script>',
  '<link rel="canonical" href="https://example.gov.cn/articles/1"/>',
  '<script src="/_next/static/chunks/poly.js" noModule="" nonce="n1"></script></head>',
  '<body><div class="site-root" data-plain-page="">',
  `<script>${EARLY_PREFS_SCRIPT}</script>`,
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"乌海"}</script>',
  '<main><h1>乌海:笃行实干</h1><p>正文</p></main>',
  '<script src="/site.js?v=abc123" defer=""></script></div>',
  '<script nonce="n1" id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})</script>',
  '<script nonce="n1">(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script nonce="n1">self.__next_f.push([1,"payload \\u003c/script>"])</script>',
  "</body></html>",
].join("");

describe("plain public pages", () => {
  it("lose the framework's scripts and preloads, and keep the page, its data and the site's own scripts", () => {
    const plain = withoutFrameworkRuntime(rendered);
    expect(plain).not.toMatch(/_next\/static\/chunks\/[^"]*\.js/);
    expect(plain).not.toContain("__next_f");
    expect(plain).not.toContain("TURBOPACK");
    expect(plain).not.toContain("modulepreload");
    expect(plain).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(plain).toContain('<link rel="canonical"');
    expect(plain).toContain('<script type="application/ld+json">{"@type":"NewsArticle","headline":"乌海"}</script>');
    expect(plain).toContain(`<script>${EARLY_PREFS_SCRIPT}</script>`);
    expect(plain).toContain('<script src="/site.js?v=abc123" defer=""></script>');
    expect(plain).toContain("<h1>乌海:笃行实干</h1><p>正文</p>");
    expect(withoutFrameworkRuntime(plain)).toBe(plain);
  });

  it("keep no other inline script, even one that copies the preferences snippet's attributes", () => {
    const sneaky = rendered.replace("<main>", '<main><script>alert(1)</script><script src="/site.js.evil.js"></script><script src="https://cdn.example/site.js"></script>');
    const plain = withoutFrameworkRuntime(sneaky);
    expect(plain).not.toContain("alert(1)");
    expect(plain).not.toContain("site.js.evil");
    expect(plain).not.toContain("cdn.example");
  });

  it("are stored plain, with a policy that allows only same-origin scripts and the preferences snippet", () => {
    const value = { kind: "APP_PAGE", html: rendered, headers: { "x-next-cache-tags": "t" } as Record<string, string> };
    expect(isPlainPage(value.html)).toBe(true);
    expect(readyCachedPage(value)).toBe(true);
    expect(value.html).not.toContain("__next_f");
    const scriptSrc = value.headers["content-security-policy"].split("; ").find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe(`script-src 'self' ${sha(EARLY_PREFS_SCRIPT)}`);
    expect(value.headers["x-next-cache-tags"]).toBe("t");
  });

  it("leave pages that did not opt in untouched", () => {
    const admin = rendered.replace(' data-plain-page=""', "");
    const value = { kind: "APP_PAGE", html: admin };
    expect(isPlainPage(admin)).toBe(false);
    readyCachedPage(value);
    expect(value.html).toBe(admin);
  });
});

describe("the page cache", () => {
  it("answers a plain 404 page but does not store it: unknown addresses are unbounded", async () => {
    const { default: CspCacheHandler } = await import("./csp-cache-handler.mjs");
    const stored: string[] = [];
    const Base = Object.getPrototypeOf(CspCacheHandler.prototype);
    const original = Base.set;
    Base.set = async (key: string) => void stored.push(key);
    try {
      const handler = Object.create(CspCacheHandler.prototype) as { set(key: string, data: unknown, ctx: unknown): Promise<void> };
      const missing = { kind: "APP_PAGE", html: rendered.replace("<main>", '<main><section data-http-status="404" class="sheet not-found"></section>'), status: 200 };
      await handler.set("/articles/999999", missing, {});
      expect(missing.status).toBe(404);
      expect(missing.html).not.toContain("__next_f");
      await handler.set("/articles/1", { kind: "APP_PAGE", html: rendered, status: 200 }, {});
      expect(stored).toEqual(["/articles/1"]);
    } finally {
      Base.set = original;
    }
  });

  it("serves no page stored before the server started (the build's): it renders it again once", async () => {
    const { default: CspCacheHandler } = await import("./csp-cache-handler.mjs");
    const Base = Object.getPrototypeOf(CspCacheHandler.prototype);
    const original = Base.get;
    const entries: Record<string, { lastModified: number; value: unknown }> = {
      "/": { lastModified: Date.now() - 3_600_000, value: { kind: "APP_PAGE", html: rendered, status: 200 } },
      "/sitemap": { lastModified: Date.now() + 1, value: { kind: "APP_PAGE", html: rendered, status: 200 } },
    };
    Base.get = async (key: string) => entries[key] ?? null;
    try {
      const handler = Object.create(CspCacheHandler.prototype) as { get(key: string, ctx: unknown): Promise<unknown> };
      expect(await handler.get("/", {})).toBeNull();
      expect(await handler.get("/sitemap", {})).toBe(entries["/sitemap"]);
      expect(await handler.get("/feed.xml", {})).toBeNull();
    } finally {
      Base.get = original;
    }
  });
});

describe("a page's HTTP status", () => {
  const page = (inside: string) => `<html><body><div class="site-root" data-plain-page="">${inside}</div></body></html>`;
  const statusOf = (html: string) => {
    const entry: { kind: string; html: string; status?: number } = { kind: "APP_PAGE", html, status: 200 };
    readyCachedPage(entry);
    return entry.status;
  };

  it("is not set by an article body that carries the attribute's text, or tries it as an attribute", () => {
    const text = (value: string) => ({ type: "text", text: value });
    const body = renderRichText({
      type: "doc",
      content: [
        { type: "paragraph", content: [text('正文 data-http-status="410"')] },
        { type: "paragraph", content: [text(' <section data-http-status="404">')] },
      ],
    });
    const pasted = sanitizeRichHtml('<p data-http-status="410">a</p><section data-http-status="404">b</section><img alt=\'x" data-http-status="410"\' src="https://a.example/x.png">');
    for (const html of [body, pasted]) {
      const article = renderToStaticMarkup(<article className="article-body" dangerouslySetInnerHTML={{ __html: html }} />);
      expect(statusOf(page(`<main>${article}</main>`)), html).toBe(200);
    }
  });

  it("is set by the status notice itself", () => {
    const notice = renderToStaticMarkup(
      <StatusNotice status={410} title="已撤回">
        正文
      </StatusNotice>,
    );
    expect(statusOf(page(notice))).toBe(410);
    const missing = renderToStaticMarkup(
      <StatusNotice status={404} title="未找到">
        正文
      </StatusNotice>,
    );
    expect(statusOf(page(missing))).toBe(404);
  });
});
