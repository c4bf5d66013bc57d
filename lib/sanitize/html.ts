import sanitizeHtml from "sanitize-html";
import { RICH_TEXT_BOUNDS, boundedColwidth, boundedImageSize, boundedInteger } from "./rich-text-bounds";

/**
 * The allowlist every stored or rendered rich text passes through. Anything not
 * named here — scripts, event handlers, styles beyond alignment, forms, iframes,
 * javascript:/data: URLs — is dropped.
 */
const ALIGN = /^(left|center|right|justify)$/;
/** A pixel width in a style: at most the widest table (50 columns of 2000 px). */
const PIXELS = /^\d{1,6}px$/;

/**
 * Numeric attributes past their bounds (rich-text-bounds.ts) are dropped, as any other
 * unsafe attribute: pasted and stored HTML pass through here, and a colspan of 100000
 * is a denial of service, not formatting.
 */
function boundNumbers(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const next: sanitizeHtml.Attributes = { ...attribs };
  const keep = (name: string, ok: boolean) => {
    if (name in next && !ok) delete next[name];
  };
  const S = RICH_TEXT_BOUNDS;
  if (tagName === "td" || tagName === "th") {
    keep("colspan", boundedInteger(next.colspan, 1, S.span) !== null);
    keep("rowspan", boundedInteger(next.rowspan, 1, S.span) !== null);
    keep("colwidth", boundedColwidth(next.colwidth, boundedInteger(next.colspan, 1, S.span) ?? 1) !== null);
  }
  if (tagName === "col") keep("span", boundedInteger(next.span, 1, S.span) !== null);
  if (tagName === "ol") keep("start", boundedInteger(next.start, 1, S.listStart) !== null);
  if (tagName === "img") {
    keep("width", boundedImageSize(next.width) !== null);
    keep("height", boundedImageSize(next.height) !== null);
  }
  return next;
}
const bounded: sanitizeHtml.Transformer = (tagName, attribs) => ({ tagName, attribs: boundNumbers(tagName, attribs) });

/** The elements rich text may hold (the downloads' rewrite keeps to them too). */
export const RICH_TEXT_TAGS = [
  "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "del", "sub", "sup",
  "ul", "ol", "li", "blockquote", "hr", "a", "figure", "figcaption", "img",
  "table", "thead", "tbody", "tr", "th", "td", "colgroup", "col", "span",
];

const options: sanitizeHtml.IOptions = {
  allowedTags: RICH_TEXT_TAGS,
  allowedAttributes: {
    a: ["href", "target", "rel", "title"],
    img: ["src", "alt", "width", "height", "loading", "decoding", "data-media-id", "data-width", "srcset", "sizes", "style"],
    p: ["style", "data-indent"],
    h2: ["style"],
    h3: ["style"],
    h4: ["style"],
    figure: ["class"],
    th: ["colspan", "rowspan", "colwidth"],
    td: ["colspan", "rowspan", "colwidth"],
    col: ["span", "style"],
    ol: ["start", "type"],
    table: ["style"],
  },
  allowedClasses: { figure: ["article-figure"] },
  allowedStyles: {
    img: { width: [/^(25|33|50|66|75|100)%$/] },
    p: { "text-align": [ALIGN] },
    h2: { "text-align": [ALIGN] },
    h3: { "text-align": [ALIGN] },
    h4: { "text-align": [ALIGN] },
    col: { width: [PIXELS], "min-width": [PIXELS] },
    table: { width: [PIXELS], "min-width": [PIXELS] },
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "template", "iframe", "object", "embed"],
  transformTags: {
    td: bounded,
    th: bounded,
    col: bounded,
    ol: bounded,
    img: bounded,
    a: (tagName, attribs) => {
      const next: Record<string, string> = { ...attribs };
      if (next.target && next.target !== "_blank") delete next.target;
      // A link that opens a new window must not hand that window a reference to ours.
      if (next.target === "_blank") next.rel = "noopener noreferrer";
      return { tagName, attribs: next };
    },
  },
};

export function sanitizeRichHtml(html: string): string {
  return sanitizeHtml(html, options);
}
