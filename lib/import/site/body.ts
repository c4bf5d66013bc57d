import * as cheerio from "cheerio";
import { Window } from "happy-dom";
import { mapImages } from "@/lib/import/docx/body";
import { cleanPastedHtml } from "@/lib/paste/clean";
import { extensionOf, ATTACHMENT_EXTS } from "@/lib/media/sniff";
import { htmlToRichText, richTextToPlainText } from "@/lib/sanitize/tiptap";
import { richTextDocSchema, type RichTextNode } from "@/lib/sanitize/tiptap-schema";

/**
 * An imported body, from the old site's HTML to the editor's JSON: addresses made
 * absolute against the page's own, pictures and attachment links found (./run.ts stores
 * them and says what each became), then the paste's own cleanup (lib/paste/clean.ts:
 * Office markup, fonts, colours, empty paragraphs and 公文 headings, exactly as a
 * paste) and the editor's schema, with the stored pictures' renditions filled in.
 */
const LAZY_SOURCES = ["data-original", "data-src", "data-lazy-src", "oldsrc", "src"];
const BLOCK = /^<(?:p|div|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|blockquote|pre|figure|figcaption|hr|section|center|dl|dd|dt|address)\b/i;

/**
 * WordPress stores posts without paragraph tags and adds them when it shows one
 * (wpautop): blank lines separate paragraphs, a single newline is a line break. A body
 * that already has paragraphs (the block editor's, a static page's) is left alone.
 */
export function autoParagraphs(html: string): string {
  if (/<p[\s>]/i.test(html) || !/\n\s*\n/.test(html)) return html;
  return html
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n");
}

function absolute(value: string | undefined, base: string): string | null {
  const v = value?.trim();
  if (!v || /^(data|javascript|mailto|tel):/i.test(v) || v.startsWith("#")) return null;
  try {
    return new URL(v, base).href;
  } catch {
    return null;
  }
}

export interface BodyRefs {
  html: string;
  /** Absolute picture addresses, in order, each once. */
  pictures: string[];
  /** Links to files the media library keeps as attachments (PDF, Word, Excel, OFD, ZIP…). */
  attachments: { url: string; name: string }[];
}

export function isAttachmentUrl(url: string): boolean {
  try {
    const ext = extensionOf(new URL(url).pathname);
    return (ATTACHMENT_EXTS as string[]).includes(ext);
  } catch {
    return false;
  }
}

/** The body with every address absolute, and the files it names. */
export function findBodyRefs(rawHtml: string, baseUrl: string): BodyRefs {
  const $ = cheerio.load(autoParagraphs(rawHtml), null, false);
  const pictures = new Set<string>();
  $("img").each((_, el) => {
    const img = $(el);
    const src = LAZY_SOURCES.map((name) => absolute(img.attr(name), baseUrl)).find((s): s is string => !!s);
    for (const name of LAZY_SOURCES) img.removeAttr(name);
    img.removeAttr("srcset");
    if (src) {
      img.attr("src", src);
      pictures.add(src);
    }
  });
  const attachments = new Map<string, string>();
  $("a[href]").each((_, el) => {
    const link = $(el);
    const href = absolute(link.attr("href"), baseUrl);
    if (!href) return;
    link.attr("href", href);
    if (isAttachmentUrl(href) && !attachments.has(href)) attachments.set(href, link.text().trim());
  });
  return { html: $.html(), pictures: [...pictures], attachments: [...attachments].map(([url, name]) => ({ url, name })) };
}

export interface StoredPicture {
  id: number;
  src: string;
  srcset: string;
}

/** One DOM for the cleanup, reused across items (a Window is costly to make). */
let window: Window | null = null;
let uses = 0;
function parser(): DOMParser {
  // A fresh one now and then: happy-dom keeps a little per parsed document.
  if (!window || ++uses > 500) {
    void window?.happyDOM.close();
    window = new Window({
      settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, disableComputedStyleRendering: true },
    });
    uses = 0;
  }
  return new window.DOMParser() as unknown as DOMParser;
}

/**
 * The body as the editor's JSON: pictures point at what was stored (those that could
 * not be stored are left out and reported by the caller), attachment links at their
 * stored file. Throws with the schema's own messages when the body breaks its bounds.
 */
export function bodyToRichText(refs: BodyRefs, pictures: Map<string, StoredPicture>, files: Map<string, string>): { doc: RichTextNode; text: string } {
  const $ = cheerio.load(refs.html, null, false);
  $("img").each((_, el) => {
    const img = $(el);
    const stored = pictures.get(img.attr("src") ?? "");
    if (stored) img.attr("src", stored.src);
    else img.remove();
  });
  $("a[href]").each((_, el) => {
    const link = $(el);
    const href = files.get(link.attr("href") ?? "");
    if (href) link.attr("href", href);
  });
  const cleaned = cleanPastedHtml($.html(), parser());
  const bySrc = new Map([...pictures.values()].map((p) => [p.src, p]));
  const doc = mapImages(htmlToRichText(cleaned.html), (image) => {
    const stored = bySrc.get(String(image.attrs?.src ?? ""));
    return stored ? { ...image, attrs: { ...image.attrs, src: stored.src, srcset: stored.srcset || null, mediaId: stored.id } } : null;
  });
  const checked = richTextDocSchema.safeParse(doc);
  if (!checked.success) throw new Error(checked.error.issues.map((i) => i.message).join(" "));
  return { doc, text: richTextToPlainText(doc) };
}
