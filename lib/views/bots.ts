/**
 * Crawlers, link checkers, previewers and scripted clients do not count as readers.
 * Matched case-insensitively on the User-Agent. Chinese search engines and apps are
 * named because several (Baidu, Sogou, 360, Shenma/Yisou, Bytedance) do not say "bot";
 * "(?<!cu)bot" keeps the CUBOT phone brand a reader.
 */
const BOT_PATTERN = new RegExp(
  [
    "(?<!cu)bot\\b", "bot[/_;-]", "crawl", "spider", "slurp", "scrap", "fetcher", "monitor", "checker", "preview",
    "sogou", "yisou", "yandex", "facebookexternalhit", "embedly", "whatsapp", "telegram", "slack", "discord",
    "headlesschrome", "phantomjs", "lighthouse", "pingdom", "uptime", "curl/", "wget/", "python", "go-http-client",
    "java/", "okhttp", "axios", "node-fetch", "undici", "libwww", "httpclient", "apachebench", "postman", "insomnia",
    "autocannon",
  ].join("|"),
  "i",
);

/** True for an automated client (or a missing User-Agent, which no browser sends). */
export function isBot(userAgent: string | null | undefined): boolean {
  const ua = userAgent?.trim() ?? "";
  if (ua.length < 10) return true;
  return BOT_PATTERN.test(ua);
}

/**
 * Link prefetches and speculative prerenders announce themselves (Sec-Purpose,
 * Purpose, X-Moz: prefetch); they are not views.
 */
export function isPrefetch(header: (name: string) => string | null | undefined): boolean {
  const purpose = ["sec-purpose", "purpose", "x-purpose", "x-moz"].map((name) => header(name) ?? "").join(" ");
  return /prefetch|prerender/i.test(purpose);
}
