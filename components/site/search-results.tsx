import { formatDate } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";
import type { Segment } from "@/lib/search/highlight";
import type { PublicSearchHit } from "@/lib/search/public";
import { ValidityBadge } from "./validity-notice";

/** Text with its matches in <mark>: React escapes every segment, so nothing is injected. */
export function Marked({ segments }: { segments: Segment[] }) {
  return segments.map((segment, i) => (segment.hit ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>));
}

export function SearchResults({ hits, offset }: { hits: PublicSearchHit[]; offset: number }) {
  const s = t.search;
  return (
    <ol className="search-hits" start={offset + 1} aria-label={s.results}>
      {hits.map((hit) => (
        <li key={hit.id} className="search-hit">
          <h2 className="search-hit-title">
            <ValidityBadge state={hit.validity} />
            <a href={`/articles/${hit.id}`}>
              {hit.titleTags.map((tag) => `【${tag}】`).join("")}
              <Marked segments={hit.title} />
            </a>
          </h2>
          {hit.snippet.length > 0 && (
            <p className="search-hit-snippet">
              <Marked segments={hit.snippet} />
            </p>
          )}
          <p className="search-hit-meta">
            <span>
              {s.columnLabel}
              <a href={`/columns/${hit.column.slug}`}>{hit.column.name}</a>
            </span>
            <span>
              {s.publishedLabel}
              <time dateTime={hit.publishedAt.toISOString()}>{formatDate(hit.publishedAt)}</time>
            </span>
          </p>
        </li>
      ))}
    </ol>
  );
}
