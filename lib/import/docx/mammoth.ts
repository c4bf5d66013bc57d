import { createHash } from "node:crypto";
import mammoth from "mammoth";
import { IMAGE_PREFIX, MARK_CLOSE, MARK_OPEN } from "./markers";
import type { StyleLooks } from "./styles";

/**
 * The .docx read by mammoth (https://github.com/mwilliamson/mammoth.js), through its
 * documented hooks:
 * - styleMap: Word's title, subtitle and caption styles as the classes Word's own HTML
 *   uses (MsoTitle…), which the paste cleanup understands; Chinese style names; the
 *   table of contents left out; underline kept (mammoth drops it by default).
 * - transformDocument: alignment and first-line indent are in mammoth's document model
 *   but not in its HTML; a paragraph that is centred, right-aligned or indented (by itself
 *   or through its style, ./styles.ts) gets a marker at the start of its text, which
 *   ./html.ts turns into the inline style a Word paste carries.
 * - convertImage: the picture's bytes come back to the caller (stored through the media
 *   pipeline there); the <img> gets a placeholder address, /__docx-image/<n>.
 */
const headingNames = [1, 2, 3, 4, 5, 6].map((n) => `p[style-name='标题 ${n}'] => h${n}:fresh`);

export const STYLE_MAP = [
  "p[style-name='Title'] => p.MsoTitle:fresh",
  "p[style-name='标题'] => p.MsoTitle:fresh",
  "p[style-name='Subtitle'] => p.MsoSubtitle:fresh",
  "p[style-name='副标题'] => p.MsoSubtitle:fresh",
  ...headingNames,
  "p[style-name='caption'] => p.MsoCaption:fresh",
  "p[style-name='题注'] => p.MsoCaption:fresh",
  "p[style-name^='toc '] => !",
  "p[style-name='TOC Heading'] => !",
  "u => u",
];

/** The part of mammoth's document model used here (mammoth/lib/documents.js). */
interface DocElement {
  type: string;
  children?: DocElement[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: unknown;
  alignment?: string | null;
  indent?: { firstLine?: string | null; hanging?: string | null };
  comments?: unknown[];
}

/** The first text of a paragraph, not looking into nested paragraphs, tables or notes. */
function firstText(el: DocElement): DocElement | null {
  for (const child of el.children ?? []) {
    if (child.type === "text" && child.value) return child;
    if (child.type === "paragraph" || child.type === "table" || child.type === "note") continue;
    const found = firstText(child);
    if (found) return found;
  }
  return null;
}

/** The marker flags for a paragraph: c centred, r right-aligned, i first-line indent; "" for list items. */
export function paragraphFlags(p: DocElement, looks: StyleLooks): string {
  if (p.numbering) return "";
  const look = (p.styleId ? looks.byId[p.styleId] : looks.normal) ?? looks.normal ?? {};
  const align = p.alignment ?? look.align;
  let flags = align === "center" ? "c" : align === "right" || align === "end" ? "r" : "";
  const firstLine = p.indent?.firstLine;
  const hanging = p.indent?.hanging;
  const indent = firstLine != null ? Number(firstLine) > 0 : hanging != null ? false : !!look.indent;
  if (indent) flags += "i";
  return flags;
}

export interface MammothRead {
  html: string;
  images: { contentType: string; bytes: Uint8Array<ArrayBuffer> }[];
  /** Table-of-contents paragraphs left out. */
  toc: number;
  /** Review comments in the document (mammoth leaves them out). */
  comments: number;
  /** Pictures whose data could not be read from the file (missing or damaged parts). */
  unreadableImages: number;
}

export class TooManyPictures extends Error {}

export async function readWithMammoth(
  data: Uint8Array,
  options: { looks: StyleLooks; altByHash: Record<string, string>; maxImages: number; maxImageBytes: number },
): Promise<MammothRead> {
  const images: MammothRead["images"] = [];
  const byHash = new Map<string, number>();
  let imageBytes = 0;
  const stats = { toc: 0, comments: 0, unreadableImages: 0, tooManyImages: false };
  const walk = (el: DocElement): DocElement => {
    if (el.type === "paragraph") {
      if (/^toc \d$|^toc heading$/i.test(el.styleName ?? "")) stats.toc++;
      const flags = paragraphFlags(el, options.looks);
      const text = flags ? firstText(el) : null;
      if (text) text.value = `${MARK_OPEN}${flags}${MARK_CLOSE}${text.value}`;
    }
    for (const child of el.children ?? []) walk(child);
    return el;
  };
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
    {
      styleMap: STYLE_MAP,
      includeEmbeddedStyleMap: false,
      externalFileAccess: false,
      idPrefix: "gz-",
      transformDocument: (document: DocElement) => {
        stats.comments = document.comments?.length ?? 0;
        return walk(document);
      },
      // mammoth turns an error here into a message and leaves the picture out: counted, and reported.
      convertImage: mammoth.images.imgElement(async (image) => {
        let bytes: Uint8Array<ArrayBuffer>;
        try {
          bytes = new Uint8Array(await image.readAsBuffer());
        } catch (error) {
          stats.unreadableImages++;
          throw error;
        }
        const hash = createHash("sha256").update(bytes).digest("hex");
        let index = byHash.get(hash);
        if (index === undefined) {
          imageBytes += bytes.length;
          if (images.length >= options.maxImages || imageBytes > options.maxImageBytes) {
            stats.tooManyImages = true;
            throw new TooManyPictures();
          }
          index = images.length;
          images.push({ contentType: image.contentType ?? "", bytes });
          byHash.set(hash, index);
        }
        const altText = (image as { altText?: string }).altText;
        const alt = altText ? undefined : options.altByHash[hash];
        return { src: `${IMAGE_PREFIX}${index}`, ...(alt ? { alt } : {}) };
      }),
    },
  );
  if (stats.tooManyImages) throw new TooManyPictures();
  return { html: result.value, images, toc: stats.toc, comments: stats.comments, unreadableImages: stats.unreadableImages };
}
