import type { Metadata } from "next";
import Link from "next/link";
import { displayTitle } from "@/lib/articles/format";
import { listLatestArticles } from "@/lib/articles/queries";
import { formatDate } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";
import { getSiteSettings } from "@/lib/settings/queries";

export const revalidate = 300;

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return { title: settings.siteName };
}

export default async function HomePage() {
  const articles = await listLatestArticles(30);
  return (
    <div className="container">
      <section className="panel" aria-labelledby="latest-heading">
        <h1 id="latest-heading">{t.site.latest}</h1>
        {articles.length === 0 ? (
          <p>{t.site.noArticles}</p>
        ) : (
          <ul className="article-list">
            {articles.map((article) => (
              <li key={article.id}>
                <Link href={`/articles/${article.id}`}>{displayTitle(article.title, article.titleTags)}</Link>
                <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
