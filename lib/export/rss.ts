import { displayTitle } from "@/lib/articles/format";
import { escapeHtml, escapeXml } from "./escape";

export interface FeedItem {
  id: number;
  title: string;
  titleTags: string[];
  summary: string;
  bodyText: string;
  author: string;
  columnName: string;
  publishedAt: Date;
}

export interface FeedChannel {
  title: string;
  /** The page the feed mirrors (site or column), absolute. */
  link: string;
  /** The feed's own URL, absolute (atom:link rel=self, as validators ask). */
  self: string;
  description: string;
  baseUrl: string;
  items: FeedItem[];
}

/** A plain-text description: the summary, or the body's first ~200 characters. */
function describe(item: FeedItem): string {
  if (item.summary.trim()) return item.summary.trim();
  const text = item.bodyText.replace(/\s+/g, " ").trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * Text for a feed element that readers display. Feed readers decode the XML and then
 * render titles and descriptions as HTML (RSS never said which they are), so text
 * escaped once as XML — `&lt;img onerror=…&gt;` — would become live markup in every
 * subscriber's reader. Escaped for HTML, then for XML, it reaches the reader's HTML as
 * `&lt;img…` and is shown as the text that was typed. (A reader that shows the field as
 * plain text shows the entity for "&", "<", quotes — the price of the safe reading.)
 */
function text(value: string): string {
  return escapeXml(escapeHtml(value));
}

/** RSS 2.0 with dates in RFC 822 (UTC), as the specification asks. */
export function renderRss(channel: FeedChannel): string {
  const items = channel.items.map((item) => {
    const url = `${channel.baseUrl}/articles/${item.id}`;
    return [
      "<item>",
      `<title>${text(displayTitle(item.title, item.titleTags))}</title>`,
      `<link>${escapeXml(url)}</link>`,
      `<guid isPermaLink="true">${escapeXml(url)}</guid>`,
      `<pubDate>${item.publishedAt.toUTCString()}</pubDate>`,
      item.author ? `<dc:creator>${text(item.author)}</dc:creator>` : "",
      `<category>${text(item.columnName)}</category>`,
      `<description>${text(describe(item))}</description>`,
      "</item>",
    ].join("");
  });
  const lastBuild = channel.items[0]?.publishedAt ?? new Date(0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${text(channel.title)}</title>
<link>${escapeXml(channel.link)}</link>
<atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/>
<description>${text(channel.description)}</description>
<language>zh-CN</language>
<lastBuildDate>${lastBuild.toUTCString()}</lastBuildDate>
${items.join("\n")}
</channel>
</rss>
`;
}

export const RSS_HEADERS = { "content-type": "application/rss+xml; charset=utf-8" };
