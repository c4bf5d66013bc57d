import { Window } from "happy-dom";

/**
 * For tests: the allowlist as a specification, checked against the sanitizer's output by
 * parsing it the way a browser would — not by searching strings.
 */
const ALLOWED: Record<string, string[]> = {
  p: ["style", "data-indent"], br: [], h2: ["style"], h3: ["style"], h4: ["style"],
  strong: [], b: [], em: [], i: [], u: [], s: [], del: [], sub: [], sup: [],
  ul: [], ol: ["start", "type"], li: [], blockquote: [], hr: [], span: [],
  a: ["href", "target", "rel", "title"],
  figure: ["class"], figcaption: [],
  img: ["src", "alt", "width", "height", "loading", "decoding", "data-media-id", "data-width", "srcset", "sizes", "style"],
  table: ["style"], thead: [], tbody: [], tr: [], colgroup: [],
  th: ["colspan", "rowspan", "colwidth"], td: ["colspan", "rowspan", "colwidth"], col: ["span", "style"],
};
const ALLOWED_STYLES: Record<string, RegExp> = {
  p: /^text-align:(left|center|right|justify)$/,
  h2: /^text-align:(left|center|right|justify)$/,
  h3: /^text-align:(left|center|right|justify)$/,
  h4: /^text-align:(left|center|right|justify)$/,
  img: /^width:(25|33|50|66|75|100)%$/,
  col: /^(min-)?width:\d+px$/,
  table: /^(min-)?width:\d+px$/,
};

function isSafeUrl(value: string, forImage: boolean): boolean {
  const v = value.trim();
  if (/^[/\\]{2}/.test(v)) return false;
  if (v.startsWith("/") || (!forImage && v.startsWith("#"))) return true;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(v)) return !/^[\s\u0000-\u001f]*[a-z]+\s*:/i.test(v); // relative, no hidden scheme
  return forImage ? /^https?:/i.test(v) : /^(https?|mailto):/i.test(v);
}

/** Every problem in a piece of sanitized HTML; empty when it only holds what the allowlist allows. */
const window = new Window();

export function problems(html: string): string[] {
  const { document } = window;
  document.body.innerHTML = html;
  const found: string[] = [];
  for (const el of document.body.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    const allowed = ALLOWED[tag];
    if (!allowed) {
      found.push(`tag <${tag}>`);
      continue;
    }
    for (const { name, value: raw } of Array.from(el.attributes)) {
      const value = raw ?? "";
      if (!allowed.includes(name)) found.push(`<${tag} ${name}>`);
      if (name === "href" && !isSafeUrl(value, false)) found.push(`<${tag} href=${value}>`);
      if (name === "src" && !isSafeUrl(value, true)) found.push(`<${tag} src=${value}>`);
      if (name === "srcset") {
        for (const candidate of value.split(",")) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url && !isSafeUrl(url, true)) found.push(`<${tag} srcset ${url}>`);
        }
      }
      if (name === "style") {
        for (const decl of value.split(";").map((d) => d.replace(/\s+/g, "")).filter(Boolean)) {
          if (!ALLOWED_STYLES[tag]?.test(decl)) found.push(`<${tag} style=${decl}>`);
        }
      }
      if (name === "target" && (value !== "_blank" || el.getAttribute("rel") !== "noopener noreferrer")) {
        found.push(`<${tag} target=${value} rel=${el.getAttribute("rel")}>`);
      }
    }
  }
  return found;
}
