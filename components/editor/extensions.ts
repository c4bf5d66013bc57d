import { Extension, Mark, mergeAttributes, type Extensions } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import { TableCell, TableHeader, TableKit } from "@tiptap/extension-table";
import TextAlign from "@tiptap/extension-text-align";
import StarterKit from "@tiptap/starter-kit";
import { HEADING_LEVELS, RICH_TEXT_BOUNDS, boundedColwidth, boundedImageSize, boundedInteger } from "@/lib/sanitize/rich-text-bounds";

/**
 * The one list of editor extensions. The browser editor and the server renderer
 * (lib/sanitize/tiptap.ts) both use it, so what editors see is what is published.
 */

/** Links editors may make: web, mail and site-relative. */
export const LINK_PROTOCOLS = ["http", "https", "mailto"];

export function isAllowedHref(href: string): boolean {
  const value = href.trim();
  // Control characters and whitespace inside a URL are how scheme filters get evaded.
  if (!value || /[\u0000-\u0020\u007f-\u009f\\]/.test(value)) return false;
  // Site-relative only: "//host" and "/\host" would leave the site.
  if (value.startsWith("/")) return !value.startsWith("//");
  if (value.startsWith("#")) return true;
  return /^(https?:\/\/[^/]|mailto:[^/])/i.test(value);
}

/** Display widths an image may take, in percent of the text column. */
export const IMAGE_WIDTHS_PERCENT = [25, 33, 50, 66, 75, 100] as const;

function clampWidthPercent(value: unknown): number {
  const n = Number(value);
  return IMAGE_WIDTHS_PERCENT.find((w) => w === n) ?? 100;
}

/**
 * An image with a caption, alt text, width and the media id it came from,
 * rendered as <figure><img><figcaption>.
 */
export const Figure = Image.extend({
  name: "image",
  addAttributes() {
    // Parsed from a bare <img> or from a <figure> around one (whose caption it then takes).
    const img = (el: HTMLElement) => (el.tagName === "FIGURE" ? el.querySelector("img") : el);
    const fromImg = (name: string) => ({ default: null, parseHTML: (el: HTMLElement) => img(el)?.getAttribute(name) ?? null });
    return {
      src: fromImg("src"),
      alt: fromImg("alt"),
      title: fromImg("title"),
      // Pasted sizes past the bounds (lib/sanitize/rich-text-bounds.ts) are left out rather than refused at save.
      width: { default: null, parseHTML: (el: HTMLElement) => boundedImageSize(img(el)?.getAttribute("width")) },
      height: { default: null, parseHTML: (el: HTMLElement) => boundedImageSize(img(el)?.getAttribute("height")) },
      srcset: {
        default: null,
        parseHTML: (el) => img(el)?.getAttribute("srcset") ?? null,
        renderHTML: (attrs) =>
          attrs.srcset ? { srcset: attrs.srcset, sizes: "(max-width: 820px) 100vw, 780px" } : {},
      },
      caption: {
        default: "",
        parseHTML: (el) => (el.closest("figure") ?? el).querySelector("figcaption")?.textContent?.trim() ?? "",
      },
      mediaId: {
        default: null,
        parseHTML: (el) => {
          const id = Number(img(el)?.getAttribute("data-media-id"));
          return Number.isInteger(id) && id > 0 ? id : null;
        },
        renderHTML: (attrs) => (attrs.mediaId ? { "data-media-id": String(attrs.mediaId) } : {}),
      },
      /** Display width in percent of the text column (25–100). */
      widthPercent: {
        default: 100,
        parseHTML: (el) => clampWidthPercent(img(el)?.getAttribute("data-width") ?? 100),
        // The inline width travels with the HTML (exports, feeds) without any stylesheet.
        renderHTML: (attrs) => {
          const width = clampWidthPercent(attrs.widthPercent);
          return width === 100 ? {} : { "data-width": String(width), style: `width:${width}%` };
        },
      },
    };
  },
  parseHTML() {
    // A figure is read as one image: its caption must not also become a paragraph.
    return [{ tag: "figure", getAttrs: (el) => (el.querySelector("img[src]") ? null : false) }, { tag: "img[src]" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const { caption: _caption, ...imgAttrs } = HTMLAttributes as Record<string, unknown>;
    const img = ["img", mergeAttributes(imgAttrs, { loading: "lazy", decoding: "async" })] as const;
    const figureAttrs = { class: "article-figure" };
    return node.attrs.caption
      ? ["figure", figureAttrs, img, ["figcaption", {}, String(node.attrs.caption)]]
      : ["figure", figureAttrs, img];
  },
}).configure({ inline: false, allowBase64: false });

/**
 * First-line indent (首行缩进) is the paragraph style of Chinese official text, so it is
 * on by default; editors switch it off for a centred line or a signature.
 */
export const ParagraphIndent = Extension.create({
  name: "paragraphIndent",
  addGlobalAttributes() {
    return [
      {
        types: ["paragraph"],
        attributes: {
          indent: {
            default: true,
            parseHTML: (el) => el.getAttribute("data-indent") !== "0",
            renderHTML: (attrs) => (attrs.indent === false ? { "data-indent": "0" } : {}),
          },
        },
      },
    ];
  },
});

/**
 * Table cells read from pasted HTML keep their spans and widths only within the bounds
 * (lib/sanitize/rich-text-bounds.ts): a colspan of 100000 in a paste would freeze the
 * editor, and the server refuses to save it anyway.
 */
function boundedCellAttributes() {
  const span = (name: string) => ({ default: 1, parseHTML: (el: HTMLElement) => boundedInteger(el.getAttribute(name), 1, RICH_TEXT_BOUNDS.span) ?? 1 });
  return {
    colspan: span("colspan"),
    rowspan: span("rowspan"),
    colwidth: {
      default: null,
      parseHTML: (el: HTMLElement) => boundedColwidth(el.getAttribute("colwidth"), boundedInteger(el.getAttribute("colspan"), 1, RICH_TEXT_BOUNDS.span) ?? 1),
    },
  };
}
const BoundedTableCell = TableCell.extend({
  addAttributes() {
    return { ...this.parent?.(), ...boundedCellAttributes() };
  },
});
const BoundedTableHeader = TableHeader.extend({
  addAttributes() {
    return { ...this.parent?.(), ...boundedCellAttributes() };
  },
});

/**
 * Superscript and subscript (m², H₂O, a footnote's "[1]"): <sup> and <sub>, which the
 * sanitizer's allowlist has always held (lib/sanitize/html.ts) and the paste cleanup
 * keeps; marks without a button, cleared with the other formatting.
 */
function scriptMark(name: "superscript" | "subscript", tag: "sup" | "sub", align: "super" | "sub", excludes: string) {
  return Mark.create({
    name,
    excludes,
    parseHTML: () => [{ tag }, { style: "vertical-align", getAttrs: (value) => (value === align ? {} : false) }],
    renderHTML: () => [tag, 0],
  });
}
export const Superscript = scriptMark("superscript", "sup", "super", "subscript");
export const Subscript = scriptMark("subscript", "sub", "sub", "superscript");

export function editorExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [...HEADING_LEVELS] },
      code: false,
      codeBlock: false,
      link: {
        openOnClick: false,
        // Autolinking makes the link mark inclusive: text typed right after a link would join it.
        autolink: false,
        protocols: LINK_PROTOCOLS,
        defaultProtocol: "https",
        isAllowedUri: (url) => isAllowedHref(url),
        HTMLAttributes: { rel: "noopener noreferrer", target: null },
      },
    }),
    TextAlign.configure({ types: ["heading", "paragraph"], alignments: ["left", "center", "right", "justify"] }),
    ParagraphIndent,
    Figure,
    TableKit.configure({ table: { resizable: false }, tableCell: false, tableHeader: false }),
    BoundedTableCell,
    BoundedTableHeader,
    Superscript,
    Subscript,
  ];
}
