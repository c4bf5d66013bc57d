import { displayTitle } from "@/lib/articles/format";
import type { ArticleListItem } from "@/lib/articles/queries";
import { formatDate } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";
import { ValidityBadge } from "./validity-notice";

/** Title and date rows, as on every column listing of a government portal. */
export function ArticleList({ items, showPinned = false }: { items: ArticleListItem[]; showPinned?: boolean }) {
  if (items.length === 0) return <p className="empty-note">{t.site.noArticles}</p>;
  return (
    <ul className="article-list">
      {items.map((item) => (
        <li key={item.id}>
          <a href={`/articles/${item.id}`}>
            {showPinned && item.pinned && <span className="pin-badge">{t.site.pinned}</span>}
            {item.validity && <ValidityBadge state={item.validity} />}
            {displayTitle(item.title, item.titleTags)}
          </a>
          <time dateTime={item.publishedAt.toISOString()}>{formatDate(item.publishedAt)}</time>
        </li>
      ))}
    </ul>
  );
}
