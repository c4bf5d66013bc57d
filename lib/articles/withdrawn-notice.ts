import { escapeHtml } from "@/lib/export/escape";
import { formatDate } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";

/**
 * The short page a withdrawn article's URL shows (with 410 Gone). A standalone
 * document: it is served by a route handler, outside the React layout, so it carries
 * its own few styles and links back into the site.
 */
export function renderWithdrawnNotice(input: { siteName: string; withdrawnAt: Date }): string {
  const s = t.site;
  const site = escapeHtml(input.siteName);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(s.withdrawnTitle)} - ${site}</title>
<style>
body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:17px;line-height:1.8;color:#1f2328;background:#f4f5f7}
header{background:#a61d24;color:#fff;padding:18px 20px;font-size:24px;font-weight:700;letter-spacing:.06em}
header a{color:#fff;text-decoration:none}
main{max-width:640px;margin:40px auto;padding:32px 28px;background:#fff;border:1px solid #e3e6ea;border-radius:6px}
h1{font-size:24px;margin:0 0 12px}
a{color:#1a4f9c}
a:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
</style>
</head>
<body>
<header><a href="/">${site}</a></header>
<main>
<h1>${escapeHtml(s.withdrawnTitle)}</h1>
<p>${escapeHtml(s.withdrawnBody.replace("{date}", formatDate(input.withdrawnAt)))}</p>
<p><a href="/">${escapeHtml(t.common.backHome)}</a>　<a href="/sitemap">${escapeHtml(s.siteMap)}</a></p>
</main>
</body>
</html>
`;
}
