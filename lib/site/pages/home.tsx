import { ArticleList } from "@/components/site/article-list";
import { HeadlineArea } from "@/components/site/headline-area";
import { listHeadlines, listHomeSections, type Headline, type HomeSection } from "@/lib/articles/public-lists";
import { FRAME_TAGS, TAGS } from "@/lib/cache/tags";
import { t } from "@/lib/i18n/zh-CN";
import type { HtmlPage, RenderContext } from "../page";

export interface HomePageData {
  siteName: string;
  headlines: Headline[];
  sections: HomeSection[];
}

export async function loadHomePage(ctx: RenderContext): Promise<HomePageData> {
  const [frame, headlines, sections] = await Promise.all([ctx.frame(), listHeadlines(6), listHomeSections(7)]);
  return { siteName: frame.settings.siteName, headlines, sections };
}

export function HomePage({ siteName, headlines, sections }: HomePageData) {
  return (
    <div className="container home">
      <h1 className="visually-hidden">{siteName}</h1>
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

/** /: the headlines and each top-level column's newest articles. Any article change refreshes it. */
export async function homePage(ctx: RenderContext): Promise<HtmlPage> {
  const data = await loadHomePage(ctx);
  return {
    status: 200,
    head: { description: t.site.homeDescription.replace("{site}", data.siteName), canonical: "/", openGraph: { url: "/" } },
    content: <HomePage {...data} />,
    tags: [...FRAME_TAGS, TAGS.articles],
  };
}
