import { displayTitle } from "@/lib/articles/format";
import { documentText } from "@/lib/documents/text";
import type { PolicyLinks } from "@/lib/documents/public-links";
import { formatDate } from "@/lib/format/date";
import { ValidityBadge } from "./validity-notice";

/** 政策原文 on an interpretation's page, 相关解读 on a document's: the two sides of one relation. */
export function PolicyLinksSection({ links }: { links: PolicyLinks }) {
  const lists = [
    { id: "policy-originals", heading: documentText.original, items: links.originals.map((i) => ({ ...i, kind: "" })) },
    { id: "policy-interpretations", heading: documentText.related, items: links.interpretations },
  ].filter((l) => l.items.length > 0);
  return lists.map((list) => (
    <section key={list.id} className="related policy-links" aria-labelledby={`${list.id}-heading`} data-testid={list.id}>
      <h2 id={`${list.id}-heading`}>{list.heading}</h2>
      <ul className="article-list">
        {list.items.map((item) => (
          <li key={item.id}>
            <a href={`/articles/${item.id}`}>
              {item.validity && <ValidityBadge state={item.validity} />}
              {item.kind && <span className="interpretation-kind">{item.kind}</span>}
              {displayTitle(item.title, item.titleTags)}
            </a>
            <time dateTime={item.publishedAt.toISOString()}>{formatDate(item.publishedAt)}</time>
          </li>
        ))}
      </ul>
    </section>
  ));
}
