import { ArticleList } from "@/components/site/article-list";
import { ArticleView } from "@/components/site/article-view";
import { Breadcrumb } from "@/components/site/breadcrumb";
import { JsonLd } from "@/components/site/json-ld";
import { PolicyLinksSection } from "@/components/site/policy-links";
import { PrevNext } from "@/components/site/prev-next";
import { PrintInfo, printQrSvg } from "@/components/site/print-info";
import { displayTitle } from "@/lib/articles/format";
import { getNeighbours, listRelated, type Neighbours } from "@/lib/articles/public-lists";
import { getPublicArticleContent, getWithdrawnArticle, type ArticleListItem, type PublicArticleContent } from "@/lib/articles/queries";
import { FRAME_TAGS, TAGS } from "@/lib/cache/tags";
import { listPolicyLinks, type PolicyLinks } from "@/lib/documents/public-links";
import { siteUrl } from "@/lib/env";
import { t } from "@/lib/i18n/zh-CN";
import type { SiteSettings } from "@/lib/settings/queries";
import type { HtmlPage, RenderContext } from "../page";
import { notFoundPage, withdrawnPage } from "./status";

export interface ArticlePageData {
  content: PublicArticleContent;
  neighbours: Neighbours;
  related: ArticleListItem[];
  /** 政策原文 and 相关解读 (lib/documents/public-links.ts). */
  links: PolicyLinks;
  settings: SiteSettings;
  /** The site's address (JSON-LD, print block). */
  base: string;
  /** The print block's QR code of the page's address. */
  qrSvg: string;
}

export type ArticleLoad = { kind: "article"; data: ArticlePageData } | { kind: "withdrawn"; id: number; withdrawnAt: Date } | { kind: "missing" };

/** Every read of an article page: the article, its column's neighbours, related articles, the settings, the QR code. */
export async function loadArticlePage(id: number, ctx: RenderContext): Promise<ArticleLoad> {
  const content = await getPublicArticleContent(id);
  if (!content) {
    const withdrawn = await getWithdrawnArticle(id);
    return withdrawn ? { kind: "withdrawn", id, withdrawnAt: withdrawn.withdrawnAt } : { kind: "missing" };
  }
  const { view } = content;
  const base = siteUrl();
  const [neighbours, related, links, frame, qrSvg] = await Promise.all([
    getNeighbours({ id: view.id, columnId: content.columnId, publishedAt: view.publishedAt }),
    listRelated({ id: view.id, columnId: content.columnId, titleTags: view.titleTags }),
    listPolicyLinks(view.id),
    ctx.frame(),
    printQrSvg(`${base}/articles/${view.id}`),
  ]);
  return { kind: "article", data: { content, neighbours, related, links, settings: frame.settings, base, qrSvg } };
}

function describe(content: PublicArticleContent): string {
  return content.summary.trim() || content.view.title;
}

export function ArticlePage({ content, neighbours, related, links, settings, base, qrSvg }: ArticlePageData) {
  const { view, columnPath } = content;
  const column = columnPath.at(-1);
  const url = `${base}/articles/${view.id}`;
  const columnHref = column ? `/columns/${column.slug}` : "/";
  return (
    <div className="container article-page">
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "NewsArticle",
          headline: displayTitle(view.title, view.titleTags),
          description: describe(content),
          datePublished: view.publishedAt.toISOString(),
          dateModified: content.modifiedAt.toISOString(),
          inLanguage: "zh-CN",
          mainEntityOfPage: url,
          url,
          articleSection: column?.name,
          image: content.image ? [new URL(content.image.src, base).toString()] : undefined,
          author: { "@type": "Organization", name: view.author || settings.siteName },
          publisher: {
            "@type": "GovernmentOrganization",
            name: settings.siteName,
            ...(settings.logo ? { logo: { "@type": "ImageObject", url: new URL(settings.logo.src, base).toString() } } : {}),
          },
        }}
      />
      <p className="print-only print-site-name">{settings.siteName}</p>
      <Breadcrumb items={[...columnPath.map((c) => ({ label: c.name, href: `/columns/${c.slug}` })), { label: t.site.body }]} />
      <div className="article-sheet">
        <ArticleView article={view} mode="public" closeHref={columnHref} />
        <PolicyLinksSection links={links} />
        <PrevNext neighbours={neighbours} />
        {related.length > 0 && (
          <section className="related" aria-labelledby="related-heading">
            <h2 id="related-heading">{t.site.related}</h2>
            <ArticleList items={related} />
          </section>
        )}
        <PrintInfo url={url} qrSvg={qrSvg} />
      </div>
    </div>
  );
}

/**
 * /articles/<id>: the article, or the withdrawn notice (410), or the 404 page. Depends on
 * the article, its column (上一条/下一条, 相关信息) and its title tags (相关信息).
 */
export async function articlePage(id: number, ctx: RenderContext): Promise<HtmlPage> {
  const loaded = await loadArticlePage(id, ctx);
  if (loaded.kind === "missing") return notFoundPage();
  if (loaded.kind === "withdrawn") return withdrawnPage(loaded.id, loaded.withdrawnAt);
  const { content, links } = loaded.data;
  const linked = [...links.originals, ...links.interpretations].map((l) => l.id);
  const { view } = content;
  const title = displayTitle(view.title, view.titleTags);
  const path = `/articles/${view.id}`;
  return {
    status: 200,
    head: {
      title,
      description: describe(content),
      canonical: path,
      openGraph: {
        type: "article",
        url: path,
        title,
        description: describe(content),
        publishedTime: view.publishedAt.toISOString(),
        modifiedTime: content.modifiedAt.toISOString(),
        section: content.columnPath.at(-1)?.name,
        authors: view.author ? [view.author] : undefined,
        image: content.image ? { url: content.image.src, alt: content.image.alt } : undefined,
      },
    },
    content: <ArticlePage {...loaded.data} />,
    tags: [...FRAME_TAGS, TAGS.article(view.id), TAGS.column(content.columnId), ...view.titleTags.map(TAGS.titleTag), ...[...content.shows, ...linked].map(TAGS.article)],
  };
}
