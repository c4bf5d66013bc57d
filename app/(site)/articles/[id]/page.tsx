import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { displayTitle } from "@/lib/articles/format";
import { getPublicArticle } from "@/lib/articles/queries";
import { formatDateTime } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";

export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string }> };

async function load(params: Props["params"]) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) return null;
  return getPublicArticle(Number(id));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load(params);
  if (!article) return {};
  return { title: displayTitle(article.live.title, article.live.titleTags), description: article.live.summary };
}

export default async function ArticlePage({ params }: Props) {
  const article = await load(params);
  if (!article) notFound();
  const { live } = article;
  return (
    <div className="container">
      <article className="article panel">
        <h1 className="article-title">{displayTitle(live.title, live.titleTags)}</h1>
        <div className="article-meta">
          <span>
            {t.site.publishDate}：<time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt)}</time>
          </span>
          {live.author && (
            <span>
              {t.site.author}：{live.author}
            </span>
          )}
          {live.source && (
            <span>
              {t.site.source}：{live.source}
            </span>
          )}
        </div>
        {/* bodyHtml was rendered from the editor's JSON and sanitized with the allowlist when it was saved. */}
        <div className="article-body" dangerouslySetInnerHTML={{ __html: live.bodyHtml }} />
      </article>
    </div>
  );
}
