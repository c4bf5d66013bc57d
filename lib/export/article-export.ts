import type { ArticleViewData } from "@/lib/articles/view";
import type { RichTextNode } from "@/lib/sanitize/tiptap";

/** What both downloads are made from: the public article, plus where it lives. */
export interface ExportArticle {
  view: ArticleViewData & { id: number; publishedAt: Date };
  bodyJson: RichTextNode;
  siteName: string;
  /** Absolute URL of the article page. */
  url: string;
  /** Absolute base URL of the site, for relative links and attachments. */
  baseUrl: string;
}

/** A site-relative href made absolute, so that it still works in a file opened offline. */
export function absoluteHref(href: string, baseUrl: string): string {
  return href.startsWith("/") && !href.startsWith("//") ? `${baseUrl}${href}` : href;
}
