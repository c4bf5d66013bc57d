import { displayTitle } from "@/lib/articles/format";
import type { Headline } from "@/lib/articles/public-lists";
import { formatDate } from "@/lib/format/date";
import { t } from "@/lib/i18n/zh-CN";

/** 要闻: the newest headline with its picture and summary, the next ones as a list. */
export function HeadlineArea({ headlines }: { headlines: Headline[] }) {
  if (headlines.length === 0) return null;
  const lead = headlines.find((h) => h.image) ?? headlines[0];
  const rest = headlines.filter((h) => h !== lead);
  const leadTitle = displayTitle(lead.title, lead.titleTags);
  return (
    <section className="headline-area" aria-labelledby="headlines-heading">
      <h2 id="headlines-heading" className="visually-hidden">
        {t.site.headlines}
      </h2>
      <article className="headline-lead">
        {lead.image && (
          <a href={`/articles/${lead.id}`} className="headline-figure" tabIndex={-1} aria-hidden="true">
            {/* Uploaded renditions with their own srcset; next/image would re-encode what lib/media already did. */}
            <img src={lead.image.src} srcSet={lead.image.srcset || undefined} sizes="(max-width: 900px) 100vw, 560px" alt={lead.image.alt} fetchPriority="high" />
          </a>
        )}
        <div className="headline-text">
          <h3>
            <a href={`/articles/${lead.id}`}>{leadTitle}</a>
          </h3>
          {lead.summary && <p>{lead.summary}</p>}
          <time dateTime={lead.publishedAt.toISOString()}>{formatDate(lead.publishedAt)}</time>
        </div>
      </article>
      {rest.length > 0 && (
        <ul className="headline-list">
          {rest.map((h) => (
            <li key={h.id}>
              <a href={`/articles/${h.id}`}>{displayTitle(h.title, h.titleTags)}</a>
              <p>{h.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
