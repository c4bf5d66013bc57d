import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { XSS_VECTORS } from "@/lib/sanitize/xss-corpus";
import { renderRss, type FeedItem } from "./rss";

/**
 * A feed reader parses the XML, then shows title and description as HTML. Every text
 * field must come out of both steps as the very text it went in as: no element, no
 * attribute, no entity left to interpret.
 */
const window = new Window();
const parser = new window.DOMParser();

/** What a reader renders for one field: the XML text, parsed as HTML. */
function asReaderRenders(xmlText: string) {
  const doc = parser.parseFromString(`<!DOCTYPE html><html><body>${xmlText}</body></html>`, "text/html");
  return { elements: doc.body.querySelectorAll("*").length, text: doc.body.textContent };
}

const VECTORS = [...XSS_VECTORS, `<img src=x onerror=alert(1)>`, `&lt;script&gt;alert(1)&lt;/script&gt;`, `A & B &amp; "C" 'D' <E>`];

const normalize = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "").replace(/\s+/g, " ").trim();

function feedOf(vector: string): string {
  const item: FeedItem = {
    id: 7,
    title: vector,
    titleTags: [vector],
    summary: vector,
    bodyText: "",
    author: vector,
    columnName: vector,
    publishedAt: new Date("2026-03-01T08:00:00Z"),
  };
  const bodyOnly: FeedItem = { ...item, id: 8, summary: "  ", bodyText: vector };
  return renderRss({ title: vector, link: "https://example.gov.cn/", self: "https://example.gov.cn/feed.xml", description: vector, baseUrl: "https://example.gov.cn", items: [item, bodyOnly] });
}

describe("RSS feeds read by a feed reader", () => {
  it("show every text field as text, whatever markup it holds", () => {
    for (const vector of VECTORS) {
      const xml = parser.parseFromString(feedOf(vector), "application/xml");
      expect(xml.getElementsByTagName("parsererror"), vector).toHaveLength(0);
      const fields = ["title", "description", "category", "dc:creator"].flatMap((tag) => [...xml.getElementsByTagName(tag)]);
      expect(fields.length).toBe(10);
      for (const field of fields) {
        const shown = asReaderRenders(field.textContent ?? "");
        expect(shown.elements, `${field.tagName}: ${vector}`).toBe(0);
        // The reader shows what was typed (a title with its tags, a long body cut short).
        expect(normalize(shown.text), `${field.tagName}: ${vector}`).toContain(normalize(vector).slice(0, 40));
      }
    }
  });

  it("stay well-formed XML with control characters in the text", () => {
    const xml = parser.parseFromString(feedOf("标题\u0001\u0008\u000B结束"), "application/xml");
    expect(xml.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(xml.getElementsByTagName("title")[1].textContent).toContain("标题结束");
  });
});
