/**
 * One thing to import, as every source reads it (a WordPress post or page, a static
 * page of a TRS / Hanweb site): what becomes the article, where it came from, and the
 * files it refers to. Pure data; the pipeline (./run.ts) does the rest.
 */
export interface ImportItem {
  /** Unique within the source: the WordPress post id, or the page's old address. */
  key: string;
  /** The page's address on the old site (its permalink). */
  oldUrl: string;
  /** More old addresses of the same page (WordPress: the short link). */
  otherUrls: string[];
  title: string;
  /** The body as the old site stored it: it goes through the paste's cleanup. */
  bodyHtml: string;
  /** 公开日期; null: the import's own time. */
  publishedAt: Date | null;
  author: string;
  source: string;
  summary: string;
  /** Category slugs (WordPress) or the column named on the command line (html). */
  categories: string[];
  /** "publish" goes live with its date; "draft" waits for review. */
  status: "publish" | "draft";
  /** Files the item names outside its body: WordPress attachments of the post, its featured image. */
  attachmentUrls: { url: string; name: string }[];
  coverUrl: string | null;
}

/** What a source says about an item it could not read: reported, and the run goes on. */
export interface ItemProblem {
  problem: string;
  /** The item it concerns, as a person recognises it (a title, an address, a line). */
  item: string;
}

export type SourceEntry = { item: ImportItem } | ItemProblem;

export function isProblem(entry: SourceEntry): entry is ItemProblem {
  return "problem" in entry;
}
