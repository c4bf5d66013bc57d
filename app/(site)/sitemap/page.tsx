import type { Metadata } from "next";
import { Breadcrumb } from "@/components/site/breadcrumb";
import { getColumnTree, type ColumnNode } from "@/lib/columns/queries";
import { t } from "@/lib/i18n/zh-CN";

// Cached; refreshed when an article or the columns change (lib/articles/paths.ts refreshes /sitemap.xml and /sitemap).
export const revalidate = 300;

export const metadata: Metadata = {
  title: t.site.siteMap,
  alternates: { canonical: "/sitemap" },
};

function Branch({ nodes }: { nodes: ColumnNode[] }) {
  return (
    <ul>
      {nodes.map((node) => (
        <li key={node.id}>
          <a href={`/columns/${node.slug}`}>{node.name}</a>
          {node.children.length > 0 && <Branch nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}

/** 网站地图: every visible column as a tree, top-level columns as cards. */
export default async function SitemapPage() {
  const tree = await getColumnTree();
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
          {tree.map((node) => (
            <li key={node.id}>
              <a href={`/columns/${node.slug}`}>{node.name}</a>
              {node.children.length > 0 && <Branch nodes={node.children} />}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
