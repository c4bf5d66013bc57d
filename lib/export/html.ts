import sanitizeHtml from "sanitize-html";
import { displayTitle } from "@/lib/articles/format";
import { formatCalendarDate, formatDate, formatDateTime } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";
import { absoluteHref, type ExportArticle } from "./article-export";
import { escapeHtml } from "./escape";
import { fileTypeLabel, formatFileSize } from "./file-info";
import { imageSources, loadImages, type EmbeddedImage } from "./images";
import { EXPORT_CSS } from "./html-style";
import { RICH_TEXT_TAGS } from "@/lib/sanitize/html";

/**
 * 保存 as one self-contained HTML file: styles inline, images as data: URIs, links
 * absolute. Its own CSP forbids every network request and every script, so the copy
 * reads the same offline and can never call home.
 */
export async function renderArticleHtml(article: ExportArticle): Promise<string> {
  const { view } = article;
  const images = await loadImages(imageSources(view.bodyHtml));
  const s = t.site;
  const title = displayTitle(view.title, view.titleTags);
  const meta = [
    `${s.publishDate}：${formatDateTime(view.publishedAt)}`,
    view.author && `${s.author}：${view.author}`,
    view.source && `${s.source}：${view.source}`,
  ].filter(Boolean) as string[];

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${EXPORT_CSS}</style>
</head>
<body>
<main>
<p class="site">${escapeHtml(article.siteName)}</p>
${disclosureTable(article)}
<h1>${escapeHtml(title)}</h1>
${view.subtitle ? `<p class="subtitle">${escapeHtml(view.subtitle)}</p>` : ""}
<p class="meta">${meta.map((m) => `<span>${escapeHtml(m)}</span>`).join("")}</p>
<div class="body">
${rewriteBody(view.bodyHtml, images, article.baseUrl)}
</div>
${attachmentList(article)}
${corrections(article)}
<p class="origin">${escapeHtml(s.printUrl)}：<a href="${escapeHtml(article.url)}">${escapeHtml(article.url)}</a></p>
</main>
</body>
</html>
`;
}

/** The stored body with images inlined (or replaced by their alt text) and links made absolute. */
function rewriteBody(bodyHtml: string, images: Map<string, EmbeddedImage>, baseUrl: string): string {
  return sanitizeHtml(bodyHtml, {
    // The body was sanitized when it was saved; this pass rewrites attributes, and keeps
    // to the same elements (allowing every tag would let a script through, were one stored).
    allowedTags: RICH_TEXT_TAGS,
    allowedAttributes: false,
    allowedSchemesByTag: { img: ["data"] },
    allowedSchemes: ["http", "https", "mailto"],
    transformTags: {
      img: (tagName, attribs): sanitizeHtml.Tag => {
        const image = images.get(attribs.src ?? "");
        if (!image) return { tagName: "span", attribs: { class: "missing-image" }, text: attribs.alt ? `［${attribs.alt}］` : "" };
        const { srcset: _srcset, sizes: _sizes, loading: _loading, decoding: _decoding, ...rest } = attribs;
        return {
          tagName,
          attribs: { ...rest, src: `data:${image.mimeType};base64,${image.data.toString("base64")}`, width: String(image.width), height: String(image.height) },
        };
      },
      a: (tagName, attribs) => ({ tagName, attribs: attribs.href ? { ...attribs, href: absoluteHref(attribs.href, baseUrl) } : attribs }),
    },
  });
}

function disclosureTable({ view }: ExportArticle): string {
  const d = view.disclosure;
  if (!d) return "";
  const s = t.site;
  const cell = (v: string | null) => escapeHtml(v || "—");
  return `<table class="disclosure"><tbody>
<tr><th>${s.indexNo}</th><td>${cell(d.indexNo)}</td><th>${s.topic}</th><td>${cell(d.topic)}</td></tr>
<tr><th>${s.issuingOrg}</th><td>${cell(d.issuingOrg)}</td><th>${s.writtenAt}</th><td>${d.writtenAt ? formatCalendarDate(d.writtenAt) : "—"}</td></tr>
<tr><th>${s.titleLabel}</th><td colspan="3">${escapeHtml(displayTitle(view.title, view.titleTags))}</td></tr>
<tr><th>${s.docNo}</th><td>${cell(d.docNo)}</td><th>${s.publishDate}</th><td>${formatDateTime(view.publishedAt)}</td></tr>
</tbody></table>`;
}

function attachmentList({ view, baseUrl }: ExportArticle): string {
  if (view.attachments.length === 0) return "";
  const items = view.attachments
    .map(
      (a) =>
        `<li><a href="${escapeHtml(absoluteHref(a.href, baseUrl))}">${escapeHtml(a.name)}</a>（${escapeHtml(fileTypeLabel(a.mimeType, a.name))}，${formatFileSize(a.size)}）</li>`,
    )
    .join("");
  return `<section class="attachments"><h2>${t.site.attachments}</h2><ol>${items}</ol></section>`;
}

function corrections({ view }: ExportArticle): string {
  if (view.corrections.length === 0) return "";
  const items = view.corrections.map((c) => `<li>${formatDate(c.createdAt)}　${escapeHtml(c.note)}</li>`).join("");
  return `<section class="corrections"><h2>${t.site.corrections}</h2><ul>${items}</ul></section>`;
}
