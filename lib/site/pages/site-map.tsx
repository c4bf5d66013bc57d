import { Breadcrumb } from "@/components/site/breadcrumb";
import { ColumnTree } from "@/components/site/column-tree";
import { FRAME_TAGS } from "@/lib/cache/tags";
import type { ColumnNode } from "@/lib/columns/queries";
import { CATALOGUE_PATH } from "@/lib/documents/catalogue-params";
import { catalogueText } from "@/lib/documents/catalogue-text";
import { t } from "@/lib/i18n/zh-CN";
import type { HtmlPage, RenderContext } from "../page";

/** 网站地图: every visible column as a tree, top-level columns as cards. */
export function SiteMapPage({ tree }: { tree: ColumnNode[] }) {
  return (
    <div className="container">
      <Breadcrumb items={[{ label: t.site.siteMap }]} />
      <section className="sheet sitemap-page" aria-labelledby="sitemap-title">
        <h1 id="sitemap-title">{t.site.siteMap}</h1>
        <p className="sitemap-intro">{t.site.sitemapIntro}</p>
        <ul className="sitemap-tree">
          <li>
            <a href="/">{t.common.home}</a>
          </li>
          <li>
            <a href={CATALOGUE_PATH}>{catalogueText.title}</a>
          </li>
          {tree.map((node) => (
            <li key={node.id}>
              <a href={`/columns/${node.slug}`}>{node.name}</a>
              <ColumnTree nodes={node.children} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** /sitemap: the column tree, from the frame alone. */
export async function siteMapPage(ctx: RenderContext): Promise<HtmlPage> {
  const { columns } = await ctx.frame();
  return {
    status: 200,
    head: { title: t.site.siteMap, canonical: "/sitemap" },
    content: <SiteMapPage tree={columns} />,
    tags: [...FRAME_TAGS],
  };
}
