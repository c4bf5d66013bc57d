import { Parser } from "htmlparser2";

/**
 * What a live article's body points at: every link (<a href>) and every picture (<img>
 * src and each srcset rendition), with the picture's alt text. Pure, so the self-check's
 * rules about addresses are unit-tested without a database.
 */
export interface BodyReference {
  kind: "link" | "image";
  url: string;
  /** Pictures only (the src, not the renditions): the alt text as written, trimmed. */
  alt?: string;
  /** A srcset rendition of a picture already listed by its src. */
  rendition?: boolean;
}

export function extractReferences(html: string): BodyReference[] {
  // A tokenizer, not a document tree: the daily check reads every live article, and
  // building a tree of each (cheerio) cost 0.4 ms of CPU an article — six minutes of a
  // core at a million articles, in the server that answers readers.
  const links: BodyReference[] = [];
  const images: BodyReference[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === "a" && attributes.href !== undefined) {
        const href = attributes.href.trim();
        if (href) links.push({ kind: "link", url: href });
      } else if (name === "img") {
        const src = attributes.src?.trim() ?? "";
        images.push({ kind: "image", url: src, alt: (attributes.alt ?? "").trim() });
        for (const candidate of (attributes.srcset ?? "").split(",")) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url && url !== src) images.push({ kind: "image", url, rendition: true });
        }
      }
    },
  });
  parser.end(html);
  return [...links, ...images];
}

/**
 * Where an address leads: a path on this site (from "/…" or an absolute URL of the site's
 * own origin), another site (http/https), or nothing to check (#anchors, mailto:, tel:,
 * relative paths, which the editor does not make).
 */
export type Destination = { type: "internal"; path: string } | { type: "external"; url: string } | { type: "none" };

export function destinationOf(url: string, siteOrigin: string): Destination {
  if (url.startsWith("/") && !url.startsWith("//")) return { type: "internal", path: pathOf(new URL(url, "http://site.invalid")) };
  let parsed: URL;
  try {
    parsed = new URL(url.startsWith("//") ? `https:${url}` : url);
  } catch {
    return { type: "none" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return { type: "none" };
  if (parsed.origin === siteOrigin) return { type: "internal", path: pathOf(parsed) };
  parsed.hash = "";
  return { type: "external", url: parsed.href };
}

/** The path without query or fragment, percent-decoded where it can be. */
function pathOf(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

/** The internal paths the self-check resolves; other site paths (/search, /sitemap) are not content links. */
export const CHECKED_PREFIXES = ["/articles/", "/columns/", "/media/"] as const;

export function isCheckedPath(path: string): boolean {
  return CHECKED_PREFIXES.some((p) => path.startsWith(p));
}
