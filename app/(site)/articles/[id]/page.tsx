import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/site/not-found-notice";
import { ArticleList } from "@/components/site/article-list";
import { ArticleView } from "@/components/site/article-view";
import { Breadcrumb } from "@/components/site/breadcrumb";
import { JsonLd } from "@/components/site/json-ld";
import { PrevNext } from "@/components/site/prev-next";
import { PrintInfo } from "@/components/site/print-info";
import { WithdrawnNotice } from "@/components/site/withdrawn-notice";
import { displayTitle } from "@/lib/articles/format";
import { TAGS } from "@/lib/articles/paths";
import { getNeighbours, listRelated } from "@/lib/articles/public-lists";
import { tagPage } from "@/lib/cache/shared";
import { getPublicArticleContent, getWithdrawnArticle, type PublicArticleContent } from "@/lib/articles/queries";
import { siteUrl } from "@/lib/env";
import { t } from "@/lib/i18n/zh-CN";
import { getSiteSettings } from "@/lib/settings/queries";

// Rendered on first request, then cached; publishing, editing and withdrawing refresh
// it at once (lib/articles/paths.ts), and any such change in its column too (the
// column's tag). The ten-minute revalidation is a safety net.
export const revalidate = 600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string }> };

async function articleId(params: Props["params"]): Promise<number | null> {
  const { id } = await params;
  // Canonical ids only: /articles/007 is not /articles/7.
  return /^[1-9]\d{0,8}$/.test(id) ? Number(id) : null;
}

async function load(params: Props["params"]) {
  const id = await articleId(params);
  return id === null ? null : getPublicArticleContent(id);
}

/** A withdrawn article (撤稿): its address answers 410 Gone with a short notice. */
async function loadWithdrawn(params: Props["params"]) {
  const id = await articleId(params);
  return id === null ? null : getWithdrawnArticle(id);
}

function describe(content: PublicArticleContent): string {
  return content.summary.trim() || content.view.title;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const content = await load(params);
  if (!content) return { title: (await loadWithdrawn(params)) ? t.site.withdrawnTitle : t.common.notFound, robots: { index: false } };
  const { view } = content;
  const title = displayTitle(view.title, view.titleTags);
  const path = `/articles/${view.id}`;
  return {
    title,
    description: describe(content),
    alternates: { canonical: path },
    openGraph: {
      type: "article",
      url: path,
      title,
      description: describe(content),
      publishedTime: view.publishedAt.toISOString(),
      modifiedTime: content.modifiedAt.toISOString(),
      section: content.columnPath.at(-1)?.name,
      authors: view.author ? [view.author] : undefined,
      images: content.image ? [{ url: content.image.src, alt: content.image.alt }] : undefined,
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const content = await load(params);
  if (!content) {
    const withdrawn = await loadWithdrawn(params);
    return withdrawn ? <WithdrawnNotice withdrawnAt={withdrawn.withdrawnAt} /> : <NotFoundNotice />;
  }
  const { view, columnPath } = content;
  const column = columnPath.at(-1);
  const [neighbours, related, settings] = await Promise.all([
    getNeighbours({ id: view.id, columnId: content.columnId, publishedAt: view.publishedAt }),
    listRelated({ id: view.id, columnId: content.columnId, titleTags: view.titleTags }),
    getSiteSettings(),
    // 上一条/下一条 and 相关信息 come from the column and the title tags: a change in
    // either refreshes this page.
    tagPage([TAGS.column(content.columnId), ...view.titleTags.map(TAGS.titleTag)]),
  ]);
  const base = siteUrl();
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
        <PrevNext neighbours={neighbours} />
        {related.length > 0 && (
          <section className="related" aria-labelledby="related-heading">
            <h2 id="related-heading">{t.site.related}</h2>
            <ArticleList items={related} />
          </section>
        )}
        <PrintInfo url={url} />
      </div>
    </div>
  );
}
