import { Window } from "happy-dom";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { XSS_VECTORS } from "@/lib/sanitize/xss-corpus";
import { JsonLd } from "./json-ld";

/** Structured data carries titles and summaries as typed: no value may leave its <script>. */
describe("JSON-LD", () => {
  it("keeps every value inside one data script, and gives it back unchanged", () => {
    const parser = new new Window().DOMParser();
    for (const vector of [...XSS_VECTORS, "</script><script>alert(1)</script>", "<!--<script>", "\u2028\u2029"]) {
      const data = { "@type": "NewsArticle", headline: vector, description: vector };
      const html = renderToStaticMarkup(<JsonLd data={data} />);
      const doc = parser.parseFromString(`<!DOCTYPE html><html><head></head><body>${html}<p id="after">after</p></body></html>`, "text/html");
      const scripts = doc.querySelectorAll("script");
      expect(scripts, vector).toHaveLength(1);
      expect(scripts[0].getAttribute("type")).toBe("application/ld+json");
      expect(doc.body.querySelectorAll("*"), vector).toHaveLength(2);
      expect(JSON.parse(scripts[0].textContent ?? ""), vector).toEqual(data);
    }
  });
});
