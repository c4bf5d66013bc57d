import type { ReactNode } from "react";
import type { ColumnNode } from "@/lib/columns/queries";
import type { SiteSettings } from "@/lib/settings/queries";

/** What every public page shows around its content: the site's settings and its visible column tree. */
export interface SiteFrame {
  settings: SiteSettings;
  /** The visible column tree (navigation, site map, search's column filter). */
  columns: ColumnNode[];
}

export interface RenderContext {
  /** The request's query (search, download ?format=). */
  query: URLSearchParams;
  /** Settings and column tree; the app server passes a cached one. */
  frame: () => Promise<SiteFrame>;
}

export interface RenderedPage {
  /** 200, 404, 410, 400 (bad download format), 308 (page 1 of a listing)… */
  status: number;
  /** content-type, and for downloads content-disposition, cache-control…; never the security headers (the server adds those). */
  headers: Record<string, string>;
  body: string | Uint8Array | ReadableStream<Uint8Array>;
  /** The cache tags (lib/cache/tags.ts) the page depends on; [] for uncached answers. */
  tags: string[];
}

/** The <head> a page asks for; the document (lib/site/document.tsx) adds the site's own parts. */
export interface DocumentHead {
  /** The page's title, shown as "<title> - <site name>"; absent: the site name alone (the home page). */
  title?: string;
  /** Default: the site's description (t.site.siteDescription). */
  description?: string;
  /** The canonical path ("/articles/1"), made absolute with the site's address. */
  canonical?: string;
  /** "noindex", "noindex, follow"; absent: indexable. */
  robots?: string;
  openGraph?: {
    type?: "website" | "article";
    /** A path, made absolute. */
    url?: string;
    /** Default: the page's title (the site name on the home page). */
    title?: string;
    description?: string;
    image?: { url: string; alt?: string };
    publishedTime?: string;
    modifiedTime?: string;
    section?: string;
    authors?: string[];
  };
  /** RSS feeds of the page beyond the site's own (/feed.xml, always listed): a column's. */
  feeds?: { href: string; title?: string }[];
}

/** An HTML page as its loader and component make it, before the document is wrapped around it. */
export interface HtmlPage {
  status: number;
  head: DocumentHead;
  content: ReactNode;
  tags: string[];
}
