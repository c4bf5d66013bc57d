import type { Metadata } from "next";
import { ArticleList } from "@/components/site/article-list";
import { HeadlineArea } from "@/components/site/headline-area";
import { listHeadlines, listHomeSections } from "@/lib/articles/public-lists";
import { t } from "@/lib/i18n/zh-CN";
import { getSiteSettings } from "@/lib/settings/queries";

// Cached; refreshed on demand whenever an article is published, edited or withdrawn.
export const revalidate = 300;

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return {
    title: { absolute: settings.siteName },
    description: t.site.homeDescription.replace("{site}", settings.siteName),
    alternates: { canonical: "/" },
    openGraph: { url: "/", title: settings.siteName },
  };
}

export default async function HomePage() {
  const [settings, headlines, sections] = await Promise.all([getSiteSettings(), listHeadlines(6), listHomeSections(7)]);
  return (
    <div className="container home">
      <h1 className="visually-hidden">{settings.siteName}</h1>
      <HeadlineArea headlines={headlines} />
      <div className="home-sections">
        {sections.map(({ column, items }) => (
          <section key={column.id} className="home-section" aria-labelledby={`section-${column.id}`}>
            <div className="section-head">
              <h2 id={`section-${column.id}`}>
                <a href={`/columns/${column.slug}`}>{column.name}</a>
              </h2>
              <a href={`/columns/${column.slug}`} className="section-more" aria-label={`${t.site.more}${column.name}`}>
                {t.site.more}
              </a>
            </div>
            <ArticleList items={items} showPinned />
          </section>
        ))}
      </div>
    </div>
  );
}
