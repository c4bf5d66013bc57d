/** Where a paste came from, judged by the markup each program writes. */
export type PasteSource = "word" | "wps" | "wechat" | "web";

/** What the cleanup did, so the editor can tell the user (and they can check). */
export interface PasteReport {
  source: PasteSource;
  paragraphs: number;
  headings: number;
  tables: number;
  images: {
    /** Carried in the clipboard as data: URLs — the editor uploads them. */
    embedded: number;
    /** On another site (e.g. WeChat's servers): kept as links, to be re-uploaded. */
    remote: string[];
    /** Pointing into the copying computer (file://): the clipboard does not carry them. */
    unreadable: number;
    /** With an address nothing can fetch (another page's blob:, a damaged data: URL, a relative path): dropped. */
    unusable: number;
  };
  removed: { trackedChanges: number; comments: number; emptyParagraphs: number };
}

export function emptyReport(source: PasteSource): PasteReport {
  return {
    source,
    paragraphs: 0,
    headings: 0,
    tables: 0,
    images: { embedded: 0, remote: [], unreadable: 0, unusable: 0 },
    removed: { trackedChanges: 0, comments: 0, emptyParagraphs: 0 },
  };
}

export function detectSource(html: string): PasteSource {
  if (/mso-spacerun:\s*'yes'|ksohtml|Kingsoft|content=["']?WPS/i.test(html)) return "wps";
  if (/urn:schemas-microsoft-com:office|class=["']?Mso|mso-[a-z]/i.test(html)) return "word";
  if (/mmbiz\.q(pic|logo)\.cn|mp\.weixin\.qq\.com|data-tools=|rich_media|135editor|xiumi/i.test(html)) return "wechat";
  return "web";
}
