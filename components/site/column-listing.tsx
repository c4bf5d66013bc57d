import type { ArticlePage } from "@/lib/articles/public-lists";
import type { ColumnContext } from "@/lib/columns/queries";
import { t } from "@/lib/i18n/zh-CN";
import { ArticleList } from "./article-list";
import { Breadcrumb } from "./breadcrumb";
import { Pagination } from "./pagination";

/** A column page: breadcrumb, its child columns beside the paginated listing. */
export function ColumnListing({ context, listing }: { context: ColumnContext; listing: ArticlePage }) {
  const { column, path, children } = context;
  const basePath = `/columns/${column.slug}`;
  const parent = path.length > 1 ? path[path.length - 2] : null;
  return (
    <div className="container column-page">
      <Breadcrumb items={path.map((c, i) => ({ label: c.name, href: i < path.length - 1 ? `/columns/${c.slug}` : undefined }))} />
      <div className="column-layout">
        <aside className="column-aside" aria-labelledby="column-aside-heading">
          <h2 id="column-aside-heading">{parent ? parent.name : column.name}</h2>
          {children.length > 0 ? (
            <>
              <p className="visually-hidden">{t.site.childColumns}</p>
              <ul>
                {children.map((child) => (
                  <li key={child.id}>
                    <a href={`/columns/${child.slug}`}>{child.name}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            parent && (
              <ul>
                <li>
                  <a href={`/columns/${parent.slug}`}>{parent.name}</a>
                </li>
              </ul>
            )
          )}
          <a className="column-feed" href={`${basePath}/feed.xml`}>
            {t.site.feed}
          </a>
        </aside>
        <section className="column-main" aria-labelledby="column-title">
          <h1 id="column-title">{column.name}</h1>
          {column.description && <p className="column-description">{column.description}</p>}
          {listing.total === 0 ? <p className="empty-note">{t.site.columnEmpty}</p> : <ArticleList items={listing.items} showPinned />}
          <Pagination basePath={basePath} page={listing.page} pageCount={listing.pageCount} total={listing.total} />
        </section>
      </div>
    </div>
  );
}
