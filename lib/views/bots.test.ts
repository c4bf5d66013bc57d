import { describe, expect, it } from "vitest";
import { isBot, isPrefetch } from "./bots";

const browsers = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 13; V2219A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/101.0.4951.74 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F37) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
  "Mozilla/5.0 (Linux; Android 9; CUBOT X19) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/98.0.4758.101 Mobile Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0",
  "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 Safari/537.36 QIHU 360SE",
];

const bots = [
  "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)",
  "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/535.1 (KHTML, like Gecko) Chrome/50.0 Safari/535.1 360Spider",
  "Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)",
  "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/69.0 Safari/537.36 YisouSpider/5.0",
  "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36",
  "curl/8.5.0",
  "python-requests/2.31.0",
  "Wget/1.21.4",
  "facebookexternalhit/1.1",
  "",
  "Mozilla",
];

describe("isBot", () => {
  it.each(browsers)("counts a reader: %s", (ua) => expect(isBot(ua)).toBe(false));
  it.each(bots)("ignores an automated client: %s", (ua) => expect(isBot(ua)).toBe(true));
  it("ignores a request without a User-Agent", () => expect(isBot(null)).toBe(true));
});

describe("isPrefetch", () => {
  const headerOf = (headers: Record<string, string>) => (name: string) => new Headers(headers).get(name);
  it("recognises prefetch and prerender requests", () => {
    expect(isPrefetch(headerOf({ "sec-purpose": "prefetch" }))).toBe(true);
    expect(isPrefetch(headerOf({ "sec-purpose": "prefetch;prerender" }))).toBe(true);
    expect(isPrefetch(headerOf({ purpose: "prefetch" }))).toBe(true);
    expect(isPrefetch(headerOf({ "x-moz": "prefetch" }))).toBe(true);
    expect(isPrefetch(headerOf({ accept: "*/*" }))).toBe(false);
  });
});
